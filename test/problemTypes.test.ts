import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { PROBLEM_TYPES } from "../src/app/problemTypes.js";
import { startTestServer } from "./apiServer.js";

describe("problem types", () => {
  let harness: Awaited<ReturnType<typeof startTestServer>>;
  let base = "";
  before(async () => {
    harness = await startTestServer();
    base = harness.server.url;
  });
  after(() => harness.stop());

  it("name a page of aigov's own, relative to the server, that explains them", async () => {
    const answers = [
      await fetch(`${base}/api/events?limit=0`),
      await fetch(`${base}/api/events/no-such-event`),
      await fetch(`${base}/api/events`, { method: "DELETE" }),
      await fetch(`${base}/api/check`, { method: "POST", body: "{" }),
    ];
    const types = new Set<string>();
    for (const answer of answers) {
      const problem = (await answer.json()) as { type: string; status: number; title: string };
      assert.match(problem.type, /^\/problems\/[a-z-]+$/, `${answer.url}: ${problem.type}`);
      types.add(problem.type);
      const page = await fetch(new URL(problem.type, answer.url), { headers: { "accept-language": "en" } });
      assert.equal(page.status, 200, problem.type);
      assert.match(await page.text(), new RegExp(`<h1>${problem.title}</h1>`));
    }
    assert.deepEqual([...types].sort(), [
      "/problems/invalid-request",
      "/problems/method-not-allowed",
      "/problems/not-found",
    ]);
  });

  it("has a page for every type, in both languages, and a 404 page for an unknown one", async () => {
    for (const type of PROBLEM_TYPES) {
      const zh = await (await fetch(`${base}/problems/${type.slug}?lang=zh`)).text();
      assert.ok(zh.includes(type.title.zh), type.slug);
    }
    assert.equal((await fetch(`${base}/problems/no-such-problem`)).status, 404);
  });
});
