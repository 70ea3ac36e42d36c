// Issue 27 point 3: the same kind of duty compared across jurisdictions, as JSON and CSV, in process.
// Every JSON answer is validated against the published document (docs/openapi.json), as
// openapiResponses.test.ts does for every endpoint.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse } from "csv-parse/sync";
import type { DutyComparison } from "../src/app/compareDuties.js";
import { inLawOn, type Obligation } from "../src/domain/obligation.js";
import { bundledObligations } from "../src/reference/obligationsData.js";
import type { AigovApp } from "../src/server/createApp.js";
import { startInProcessApp } from "./inProcessApp.js";
import { ROOT } from "./runCli.js";

const DOCUMENT = JSON.parse(readFileSync(join(ROOT, "docs/openapi.json"), "utf8")) as Record<string, unknown>;
const PATH = "/api/compare/duties";

describe("GET /api/compare/duties and its CSV twin", () => {
  let app: AigovApp;
  let stop: () => Promise<void>;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(DOCUMENT, "openapi");
  const schemaAt = (path: string, status: number, type: string) =>
    ajv.compile({
      $ref: `openapi#/${["paths", path, "get", "responses", String(status), "content", type, "schema"]
        .map((part) => part.replace(/~/g, "~0").replace(/\//g, "~1"))
        .join("/")}`,
    });
  const data = bundledObligations();

  before(async () => {
    ({ app, stop } = await startInProcessApp({ responseCache: false }));
  });
  after(() => stop());
  const get = (url: string) => app.hono.request(`http://localhost${url}`);

  async function comparison(query: string): Promise<DutyComparison> {
    const response = await get(`${PATH}?${query}`);
    assert.equal(response.status, 200, await response.clone().text());
    const body = (await response.json()) as DutyComparison;
    const validate = schemaAt(PATH, 200, "application/json");
    assert.ok(validate(body), ajv.errorsText(validate.errors?.slice(0, 5)));
    return body;
  }

  it("lines up the labeling duties of CN, EU, KR, US-CA and VN, each column with its jurisdiction's duties in law that day", async () => {
    const at = "2026-12-03";
    const body = await comparison(`theme=labeling&j=CN,EU,KR,US-CA,VN&at=${at}`);
    assert.equal(body.at, at);
    assert.deepEqual(body.themes, ["labeling"]);
    assert.deepEqual(body.jurisdictions, ["CN", "EU", "KR", "US-CA", "VN"]);
    const [group] = body.byTheme;
    assert.equal(group?.theme, "labeling");
    assert.deepEqual(
      group?.jurisdictions.map((c) => c.jurisdiction),
      ["CN", "EU", "KR", "US-CA", "VN"],
    );
    const expected = (code: string) =>
      data.obligations
        .filter((o) => o.jurisdiction === code && o.themes.includes("labeling") && inLawOn(o, at))
        .map((o) => o.id)
        .sort();
    for (const column of group?.jurisdictions ?? []) {
      assert.deepEqual(column.duties.map((d) => d.obligation).sort(), expected(column.jurisdiction));
      for (const duty of column.duties) {
        assert.ok(duty.themes.includes("labeling"));
        assert.ok(duty.roles.length && duty.kinds.length, `${duty.obligation} says who is bound`);
        assert.match(duty.citation.url, /^https?:\/\//);
        assert.ok(duty.instrument.title.en && duty.instrument.status);
      }
    }
    const filled = group?.jurisdictions.filter((c) => c.duties.length) ?? [];
    assert.ok(filled.length >= 3, "duties of several jurisdictions side by side");
    assert.equal(
      body.count,
      group?.jurisdictions.reduce((n, c) => n + c.duties.length, 0),
    );
  });

  it("answers with the law of the day asked: an amended version replaces the original from the day it is in law", async () => {
    const versions = data.obligations.filter((o) => o.inLaw && o.themes.length);
    const amended = versions.find((o) => o.inLaw?.from) as Obligation | undefined;
    if (!amended) return; // no amended duty in the data yet
    const theme = amended.themes[0] as string;
    const dayBefore = new Date(Date.parse(`${amended.inLaw?.from}T00:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    const ids = async (at: string) =>
      (
        await comparison(`theme=${theme}&j=${amended.jurisdiction}&at=${at}`)
      ).byTheme[0]?.jurisdictions[0]?.duties.map((d) => d.obligation) ?? [];
    assert.ok((await ids(amended.inLaw?.from as string)).includes(amended.id));
    assert.ok(!(await ids(dayBefore)).includes(amended.id), `${amended.id} is not the law on ${dayBefore}`);
  });

  it("brings a country's subdivisions with it (US: US-CA), and without j every jurisdiction with such a duty", async () => {
    const inUs = data.obligations.filter((o) => o.jurisdiction.startsWith("US-") && o.themes.length);
    const theme = inUs[0]?.themes[0];
    assert.ok(theme, "a US state duty with a theme");
    const body = await comparison(`theme=${theme}&j=US&at=2026-12-03`);
    const duties = body.byTheme[0]?.jurisdictions[0]?.duties ?? [];
    assert.ok(duties.some((d) => d.jurisdiction.startsWith("US-")));
    assert.ok(duties.every((d) => d.jurisdiction === "US" || d.jurisdiction.startsWith("US-")));
    const all = await comparison(`theme=${theme}&at=2026-12-03`);
    assert.ok(all.jurisdictions.length >= 1);
    for (const column of all.byTheme[0]?.jurisdictions ?? []) assert.ok(column.duties.length);
  });

  it("groups by theme first when several themes are asked", async () => {
    const body = await comparison("theme=high-risk,ai-literacy&j=EU&at=2026-12-03");
    assert.deepEqual(
      body.byTheme.map((g) => g.theme),
      ["high-risk", "ai-literacy"],
    );
  });

  for (const [query, parameter, named] of [
    ["theme=watermarks&j=EU", "theme", /"watermarks"/],
    ["theme=labeling&j=EU,ZZ", "j", /"ZZ"/],
    ["theme=labeling&j=eu,xx1", "j", /"XX1"/],
    ["theme=labeling&at=soon", "at", /YYYY-MM-DD/],
    ["theme=labeling&theme=minors", "theme", /expected once/],
    ["theme=labeling&j=EU&j=CN", "j", /expected once/],
    ["theme=labeling&jurisdiction=EU", "jurisdiction", /unknown parameter/],
    ["j=EU", "theme", /./],
  ] as const)
    it(`refuses ${query} with a 400 naming ${parameter}`, async () => {
      for (const path of [PATH, `${PATH}.csv`]) {
        const response = await get(`${path}?${query}`);
        assert.equal(response.status, 400, path);
        assert.match(response.headers.get("content-type") ?? "", /application\/problem\+json/);
        const problem = (await response.json()) as { errors: { parameter: string; message: string }[] };
        const validate = schemaAt(path, 400, "application/problem+json");
        assert.ok(validate(problem), ajv.errorsText(validate.errors));
        const issue = problem.errors.find((e) => e.parameter === parameter);
        assert.ok(issue, JSON.stringify(problem.errors));
        assert.match(issue.message, named);
      }
    });

  it("gives the same duties as CSV, one row per duty, with formula cells neutralised", async () => {
    const query = "theme=labeling&j=CN,EU,KR,US-CA,VN&at=2026-12-03";
    const json = await comparison(query);
    const response = await get(`${PATH}.csv?${query}`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type") ?? "", /^text\/csv/);
    assert.match(
      response.headers.get("content-disposition") ?? "",
      /attachment; filename="aigov-duties-[a-z0-9-]+\.csv"/,
    );
    const rows = parse(await response.text(), { columns: true }) as Record<string, string>[];
    assert.equal(rows.length, json.count);
    const first = json.byTheme[0]?.jurisdictions.find((c) => c.duties.length);
    const duty = first?.duties[0];
    const row = rows.find((r) => r.obligation === duty?.obligation && r.jurisdiction === first?.jurisdiction);
    assert.ok(row && duty);
    assert.equal(row.title_en, duty.title.en);
    assert.equal(row.article, duty.citation.article);
    assert.equal(row.instrument, duty.instrument.id);
    assert.equal(row.from, duty.from);
    for (const r of rows)
      for (const [column, value] of Object.entries(r))
        assert.doesNotMatch(value, /^[=+\-@\t\r]/, `${r.obligation} ${column} would run as a formula`);
  });

  it("neutralises a cell that would start a formula", async () => {
    const { dutyComparisonCsv } = await import("../src/app/compareDuties.js");
    const body = await comparison("theme=labeling&j=EU&at=2026-12-03");
    const duty = body.byTheme[0]?.jurisdictions[0]?.duties[0];
    assert.ok(duty);
    const hostile = { ...duty, title: { en: '=HYPERLINK("http://evil")', zh: "+1" } };
    const csv = dutyComparisonCsv({
      ...body,
      byTheme: [{ theme: "labeling", jurisdictions: [{ jurisdiction: "EU", duties: [hostile] }] }],
    });
    const [row] = parse(csv, { columns: true }) as Record<string, string>[];
    assert.equal(row?.title_en, '\'=HYPERLINK("http://evil")');
    assert.equal(row?.title_zh, "'+1");
  });
});
