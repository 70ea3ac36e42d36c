// Issue 24 point 14: every route and every page refuses a parameter it does not read, and one it reads
// once given twice, the same way (a 400 naming it), instead of answering as if it had not been sent.
// In process, through app.request(): the router's own list of routes is walked, so a route added later
// without a declaration of its parameters fails here.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { AigovApp } from "../src/server/createApp.js";
import { startInProcessApp } from "./inProcessApp.js";

/** A value for each route parameter that names something that exists, so a 400 cannot be a 404. */
const ROUTE_VALUES: Record<string, string> = {
  "/api/events/:id": "2025-us-eo-14179-removing-barriers",
  "/api/events/:id/revisions": "2025-us-eo-14179-removing-barriers",
  "/api/events/:id/revisions/:n": "2025-us-eo-14179-removing-barriers/revisions/1",
  "/api/events/:id/diff": "2025-us-eo-14179-removing-barriers",
  "/api/proposals/:id": "1",
  "/events/:id/edit": "2025-us-eo-14179-removing-barriers",
  "/events/:id/suggest": "2025-us-eo-14179-removing-barriers",
  "/events/:id/revisions/:n": "2025-us-eo-14179-removing-barriers/revisions/1",
  "/proposals/:id": "1",
  "/events/:id": "2025-us-eo-14179-removing-barriers",
  "/api/instruments/:id": "eu-ai-act",
  "/instruments/:id": "eu-ai-act",
  "/api/jurisdictions/:code": "EU",
  "/jurisdictions/:code": "EU",
  "/chronicle/:year": "2025",
  "/problems/:type": "invalid-request",
  "/assets/:file": "app.css",
  "/api/releases/:version": "2026.1",
  "/api/subscriptions/:id": "sub-none",
  "/api/subscriptions/:id/deliveries": "sub-none",
  "/releases/:version/": "2026.1",
  "/releases/:version/:file": "2026.1/events.jsonl",
};

/** The parameters a route cannot do without. */
const REQUIRED: Record<string, string> = {
  "/api/stats.csv": "chart=by-type",
  "/api/events/:id/diff": "from=1&to=1",
  "/api/compare/duties": "theme=labeling",
  "/api/compare/duties.csv": "theme=labeling",
  "/api/search": "q=SB%2053",
};

/**
 * Routes that answer otherwise than 200 here, their parameters read all the same: the ones that need an
 * API token (401 without), and a proposal (none is made in this suite).
 */
const STATUS: Record<string, number> = {
  "/api/me": 401,
  "/api/audit": 401,
  "/api/subscriptions": 401,
  "/api/subscriptions/:id": 401,
  "/api/subscriptions/:id/deliveries": 401,
  "/subscriptions": 303,
  "/api/proposals/:id": 404,
  "/proposals/:id": 404,
  "/review": 303,
  "/events/:id/edit": 303,
  // No release is made in this suite.
  "/api/releases/:version": 404,
  "/releases/:version/": 404,
  "/releases/:version/:file": 404,
};

/** The route with its parameters filled in, and `query` (without "?") added to what it requires. */
function concrete(path: string, query = ""): string {
  const value = ROUTE_VALUES[path];
  // The value stands for the path from the first parameter on (`:id/revisions/:n` → `<id>/revisions/1`).
  const filled =
    value === undefined
      ? path
      : path.replace(/:[a-z]+(?:\/.*)?$/, (rest) =>
          rest.includes("/:") ? value : rest.replace(/^:[a-z]+/, value),
        );
  const search = [REQUIRED[path], query].filter(Boolean).join("&");
  return search ? `${filled}?${search}` : filled;
}

describe("unknown and repeated query parameters", () => {
  let app: AigovApp;
  let stop: () => Promise<void>;
  let getPaths: string[];
  before(async () => {
    ({ app, stop } = await startInProcessApp());
    getPaths = [
      ...new Set(
        app.hono.routes.filter((r) => r.method === "GET" && !r.path.includes("*")).map((r) => r.path),
      ),
    ];
  });
  after(() => stop());

  const get = (path: string) => app.hono.request(`http://localhost${path}`);

  it("knows every route it walks (a new route with a parameter needs a value above)", () => {
    assert.ok(getPaths.length >= 30, `only ${getPaths.length} routes found`);
    for (const path of getPaths)
      if (path.includes(":")) assert.ok(ROUTE_VALUES[path], `no value for the route ${path}`);
  });

  it("answers each route as usual without parameters", async () => {
    for (const path of getPaths) {
      const response = await get(concrete(path));
      assert.equal(response.status, STATUS[path] ?? 200, `${path}: ${response.status}`);
      await response.body?.cancel();
    }
  });

  for (const [label, query, parameter] of [
    ["an unknown parameter", "bogus=1", "bogus"],
    ["__proto__", "__proto__=1", "__proto__"],
    ["constructor", "constructor=x", "constructor"],
  ] as const)
    it(`refuses ${label} on every route and page, naming it`, async () => {
      for (const path of getPaths) {
        const response = await get(concrete(path, query));
        const body = await response.text();
        assert.equal(response.status, 400, `${path}${query}: ${response.status}`);
        assert.ok(body.includes(`${parameter}: unknown parameter`), `${path}${query}: ${body.slice(0, 300)}`);
      }
    });

  it("refuses `lang` given twice on every page, and on the API routes that read it", async () => {
    const readers = getPaths.filter(
      (p) => !p.startsWith("/api/") || /^\/api\/(events|report|stats\.csv|feed|calendar|sources)/.test(p),
    );
    const readsLang = (p: string) => !/^\/api\/events\/:id(?:\/|$)/.test(p);
    // Assets and a release's files are bytes, not pages: they take no language.
    const isFile = (p: string) => p.startsWith("/assets/") || p === "/releases/:version/:file";
    for (const path of readers.filter((p) => !isFile(p) && readsLang(p))) {
      const response = await get(concrete(path, "lang=en&lang=zh"));
      const body = await response.text();
      assert.equal(response.status, 400, `${path}: ${response.status}`);
      assert.ok(body.includes("lang: expected once"), `${path}: ${body.slice(0, 300)}`);
    }
  });

  it("refuses /api/stats?from=garbage instead of counting everything", async () => {
    const response = await get("/api/stats?from=garbage");
    assert.equal(response.status, 400);
    const problem = (await response.json()) as { errors: { parameter: string; message: string }[] };
    assert.equal(problem.errors[0]?.parameter, "from");
    assert.match(problem.errors[0]?.message ?? "", /^unknown parameter \(this address takes none\)$/);
  });

  it("refuses a repeated `at` on POST /api/check and a repeated `from` on /api/deadlines", async () => {
    const check = await app.hono.request("http://localhost/api/check?at=2026-01-01&at=2027-01-01", {
      method: "POST",
      body: JSON.stringify({ kind: "model", markets: ["EU"] }),
      headers: { "content-type": "application/json" },
    });
    assert.equal(check.status, 400);
    assert.match(await check.text(), /at: expected once/);
    const deadlines = await get("/api/deadlines?from=2026-01-01&from=2027-01-01");
    assert.equal(deadlines.status, 400);
    assert.match(await deadlines.text(), /from: expected once/);
  });

  it("still takes list parameters repeated and the forms' own fields", async () => {
    for (const path of [
      "/api/events?jurisdiction=EU&jurisdiction=CN&lang=en",
      "/search?q=AI&jurisdiction=EU&jurisdiction=CN&sort=-date&page=1&lang=en",
      "/compare?j=EU&j=CN&lang=en",
      "/reports?from=2025-01&to=2025-12&jurisdiction=EU&preview=1&lang=zh",
      "/check?kind=model&role=provider&markets=EU&markets=CN&trainingFlop=1e26&at=2026-01-01&lang=en",
      "/api/deadlines?from=2026-01-01&limit=5",
    ]) {
      const response = await get(path);
      assert.equal(
        response.status,
        200,
        `${path}: ${response.status} ${(await response.text()).slice(0, 300)}`,
      );
    }
  });

  it("answers a page's refusal as a page in the reader's language, an API's as a problem document", async () => {
    const page = await get("/map?bogus=1&lang=en");
    assert.equal(page.status, 400);
    assert.match(page.headers.get("content-type") ?? "", /^text\/html/);
    assert.match(await page.text(), /lang="en"/);
    const api = await get("/api/coverage?bogus=1");
    assert.equal(api.status, 400);
    assert.equal(api.headers.get("content-type"), "application/problem+json");
  });
});
