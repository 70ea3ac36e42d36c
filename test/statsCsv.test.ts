import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import { startTestServer } from "./apiServer.js";

describe("GET /api/stats.csv over real HTTP", () => {
  let base = "";
  let harness: Awaited<ReturnType<typeof startTestServer>>;
  before(async () => {
    harness = await startTestServer();
    base = harness.server.url;
  });
  after(() => harness.stop());
  const csv = async (query: string) => {
    const res = await fetch(`${base}/api/stats.csv?${query}`);
    assert.equal(res.status, 200, await res.clone().text());
    assert.match(res.headers.get("content-type") ?? "", /^text\/csv/);
    return parse(await res.text()) as string[][];
  };

  it("gives events per month by type for every bundled event, months in order", async () => {
    const [header, ...rows] = await csv("chart=by-type");
    assert.equal(header?.[0], "month");
    assert.equal(header?.at(-1), "total");
    assert.equal(
      rows.reduce((sum, row) => sum + Number(row.at(-1)), 0),
      47,
    );
    const months = rows.map((row) => row[0]);
    assert.deepEqual(months, [...months].sort());
  });

  it("narrows to a jurisdiction's events, a country with its subdivisions, named in the language asked", async () => {
    const [header, ...rows] = await csv("chart=jurisdictions&jurisdiction=US&lang=en");
    assert.deepEqual(header, ["code", "name", "events"]);
    assert.ok(rows.some((row) => row[0] === "US-CA" && row[1] === "California"));
  });

  it("answers a bad chart name with a 400 problem naming the parameter", async () => {
    const res = await fetch(`${base}/api/stats.csv?chart=pie`);
    assert.equal(res.status, 400);
    const problem = (await res.json()) as { errors: { parameter: string }[] };
    assert.equal(problem.errors[0]?.parameter, "chart");
  });
});
