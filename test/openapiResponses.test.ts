// Issue 25 point 3: every answer of every endpoint is what the published document (docs/openapi.json)
// says it is. Each response below is validated with Ajv (JSON Schema 2020-12, the dialect of OpenAPI
// 3.1) against the schema the document gives for its path, method, status and content type, so that a
// client generated from the document with strict models accepts every answer.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { CheckResult } from "../src/domain/checkResult.js";
import type { AigovApp } from "../src/server/createApp.js";
import { ROOT } from "./runCli.js";
import { startInProcessApp } from "./inProcessApp.js";

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
type Document = { paths: Record<string, Record<string, Operation>> };

const DOCUMENT = JSON.parse(readFileSync(join(ROOT, "docs/openapi.json"), "utf8")) as Document;

/** One request of the walk: the document's path template, and the request made for it. */
interface Probe {
  template: string;
  method?: "GET" | "POST";
  url: string;
  body?: unknown;
  status: number;
}

const EVENT = "2025-us-eo-14179-removing-barriers";

/**
 * Profiles that drive the checker down many of its branches, so that each optional part of the answer
 * (complyBy, transition, alternatives, asProvider, penaltyNotReached, openBecause, reason; every market
 * verdict) is sent at least once and checked against the document (the last test asserts it is).
 */
const CHECKS: [at: string, profile: Record<string, unknown>][] = [
  // A model above 10^25 FLOP in the EU, placed on the market before 2 August 2025 (Art. 111(3)).
  [
    "2026-06-01",
    { kind: "model", role: "provider", markets: ["EU"], trainingFlop: "3e25", placedOnMarket: "2025-03-01" },
  ],
  // The same before the GPAI duties start: every EU duty is still to come.
  ["2025-06-01", { kind: "model", role: "provider", markets: ["EU"], trainingFlop: "3e25" }],
  // A developer that has not said whether it places the model under its own name.
  ["2026-06-01", { kind: "model", role: "developer", markets: ["EU"], trainingFlop: "3e25" }],
  // A developer counted as the provider, open weights, reaching the EU through a member state.
  [
    "2026-06-01",
    {
      kind: "model",
      role: "developer",
      underOwnName: true,
      markets: ["DE"],
      trainingFlop: 2e25,
      openWeights: true,
    },
  ],
  // A Chinese generative service.
  [
    "2026-06-01",
    {
      kind: "service",
      role: "provider",
      markets: ["CN"],
      establishedIn: "CN",
      generatesContent: true,
      interactsWithPeople: true,
      modalities: ["text", "image"],
    },
  ],
  // Undecidable: nothing but the kind, so every market and nearly every duty is open.
  ["2026-06-01", { kind: "service" }],
  // California: a large frontier developer (SB 53), and one below the revenue threshold of its penalty.
  [
    "2026-02-01",
    {
      kind: "model",
      role: "developer",
      underOwnName: true,
      markets: ["US-CA"],
      trainingFlop: "2e26",
      fineTuningFlop: "1e24",
      annualRevenueUsd: "6e8",
    },
  ],
  [
    "2026-02-01",
    {
      kind: "model",
      role: "developer",
      underOwnName: true,
      markets: ["US-CA"],
      trainingFlop: "2e26",
      annualRevenueUsd: "1e8",
    },
  ],
  // Korea, Vietnam and the US beyond California, in healthcare.
  [
    "2026-03-01",
    {
      kind: "service",
      role: "provider",
      markets: ["KR", "VN", "US"],
      sector: "healthcare",
      generatesContent: true,
      annualRevenueKrw: "2e12",
      dailyUsersKr: 2000000,
    },
  ],
  // A deployer of a model, with a market aigov holds no rules for.
  ["2025-01-01", { kind: "model", role: "deployer", markets: ["EU", "ZA"] }],
];

/** The parts of the check answers seen (`applies.complyBy`, `verdict.open`, …), filled in by the probes. */
const CHECK_PARTS = new Set<string>();

function noteCheckParts(answer: CheckResult): void {
  for (const list of ["applies", "upcoming", "open", "notApplicable"] as const)
    for (const item of answer[list]) for (const key of Object.keys(item)) CHECK_PARTS.add(`${list}.${key}`);
  for (const market of answer.markets) {
    CHECK_PARTS.add(`verdict.${market.verdict}`);
    if (market.from) CHECK_PARTS.add("market.from");
  }
  if (answer.uncoveredMarkets.length) CHECK_PARTS.add("uncoveredMarkets");
}
const PROBES: Probe[] = [
  { template: "/api/events", url: "/api/events?lang=en", status: 200 },
  { template: "/api/events", url: "/api/events?q=%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD&limit=5", status: 200 },
  { template: "/api/events", url: "/api/events?q=AI%20Act&lang=en&sort=-date", status: 200 },
  { template: "/api/events", url: "/api/events?limit=0", status: 400 },
  { template: "/api/events", url: "/api/events?limit=2&cursor=eyJvIjoyfQ&jurisdiction=EU,CN", status: 200 },
  { template: "/api/events", url: "/api/events?cursor=not-a-cursor", status: 400 },
  { template: "/api/events", url: "/api/events?lang=en&lang=zh", status: 400 },
  { template: "/api/events/{id}", url: `/api/events/${EVENT}`, status: 200 },
  { template: "/api/events/{id}", url: "/api/events/no-such-event", status: 404 },
  { template: "/api/events/{id}", url: "/api/events/Not%20An%20Id", status: 404 },
  { template: "/api/events/{id}", url: `/api/events/${EVENT}?lang=en`, status: 400 },
  { template: "/api/jurisdictions", url: "/api/jurisdictions", status: 200 },
  { template: "/api/jurisdictions/{code}", url: "/api/jurisdictions/EU", status: 200 },
  { template: "/api/jurisdictions/{code}", url: "/api/jurisdictions/US", status: 200 },
  { template: "/api/jurisdictions/{code}", url: "/api/jurisdictions/ZZ", status: 404 },
  { template: "/api/stats", url: "/api/stats", status: 200 },
  { template: "/api/stats", url: "/api/stats?from=2025", status: 400 },
  { template: "/api/stats.csv", url: "/api/stats.csv?chart=by-type", status: 200 },
  {
    template: "/api/stats.csv",
    url: "/api/stats.csv?chart=jurisdictions&jurisdiction=CN&lang=en",
    status: 200,
  },
  { template: "/api/stats.csv", url: "/api/stats.csv", status: 400 },
  { template: "/api/report", url: "/api/report?format=md&lang=en", status: 200 },
  { template: "/api/report", url: "/api/report?format=html&from=2025-06&to=2025-09", status: 200 },
  { template: "/api/report", url: "/api/report?from=0001&to=9999", status: 400 },
  { template: "/api/events.csv", url: "/api/events.csv?jurisdiction=EU", status: 200 },
  { template: "/api/feed.atom", url: "/api/feed.atom?lang=en", status: 200 },
  { template: "/api/calendar.ics", url: "/api/calendar.ics", status: 200 },
  { template: "/api/sources.csl.json", url: "/api/sources.csl.json?jurisdiction=CN", status: 200 },
  { template: "/api/sources.csl.json", url: "/api/sources.csl.json?lang=en&limit=20", status: 200 },
  { template: "/api/events.csv", url: "/api/events.csv?limit=0", status: 400 },
  { template: "/api/instruments", url: "/api/instruments", status: 200 },
  { template: "/api/instruments/{id}", url: "/api/instruments/eu-ai-act", status: 200 },
  { template: "/api/instruments/{id}", url: "/api/instruments/no-such-act", status: 404 },
  { template: "/api/obligations", url: "/api/obligations", status: 200 },
  { template: "/api/coverage", url: "/api/coverage", status: 200 },
  { template: "/api/deadlines", url: "/api/deadlines?from=2025-01-01&limit=50", status: 200 },
  { template: "/api/deadlines", url: "/api/deadlines?from=soon", status: 400 },
  { template: "/api/deadlines", url: "/api/deadlines", status: 200 },
  { template: "/api/deadlines", url: "/api/deadlines?from=2020-01-01&limit=500", status: 200 },
  { template: "/api/deadlines", url: "/api/deadlines?limit=1e2", status: 400 },
  ...CHECKS.map(([at, body]): Probe => ({
    template: "/api/check",
    method: "POST",
    url: `/api/check?at=${at}`,
    body,
    status: 200,
  })),
  { template: "/api/check", method: "POST", url: "/api/check", body: { kind: "robot" }, status: 400 },
  {
    template: "/api/check",
    method: "POST",
    url: "/api/check",
    body: { kind: "model", markets: ["XX"] },
    status: 400,
  },
  {
    template: "/api/check",
    method: "POST",
    url: "/api/check",
    body: { kind: "model", name: "x".repeat(70_000) },
    status: 400,
  },
  { template: "/api/check", method: "POST", url: "/api/check?at=soon", body: { kind: "model" }, status: 400 },
  {
    template: "/api/check",
    method: "POST",
    url: "/api/check?at=2026-01-01&at=2027-01-01",
    body: { kind: "model" },
    status: 400,
  },
  { template: "/api/openapi.json", url: "/api/openapi.json", status: 200 },
];

const JSON_TYPES = /^application\/(json|problem\+json|vnd\.citationstyles\.csl\+json)$/;

describe("every answer matches docs/openapi.json", () => {
  let app: AigovApp;
  let stop: () => Promise<void>;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(DOCUMENT, "openapi");

  before(async () => {
    ({ app, stop } = await startInProcessApp({ responseCache: false }));
  });
  after(() => stop());

  it("probes every operation the document lists, and the document lists every API route", () => {
    const documented = Object.entries(DOCUMENT.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const probed = new Set(PROBES.map((p) => `${p.method ?? "GET"} ${p.template}`));
    for (const operation of documented) assert.ok(probed.has(operation), `no probe of ${operation}`);
    const routes = app.hono.routes
      .filter((r) => r.path.startsWith("/api/") && r.path !== "/api/*" && r.path !== "/api/docs")
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`);
    for (const route of new Set(routes)) assert.ok(documented.includes(route), `undocumented route ${route}`);
  });

  for (const probe of PROBES)
    it(`${probe.method ?? "GET"} ${probe.url} → ${probe.status}, as documented`, async () => {
      const response = await app.hono.request(`http://localhost${probe.url}`, {
        method: probe.method ?? "GET",
        ...(probe.body === undefined
          ? {}
          : { body: JSON.stringify(probe.body), headers: { "content-type": "application/json" } }),
      });
      assert.equal(response.status, probe.status, (await response.clone().text()).slice(0, 300));
      const operation = DOCUMENT.paths[probe.template]?.[(probe.method ?? "GET").toLowerCase()];
      const documented = operation?.responses[String(probe.status)];
      assert.ok(documented, `${probe.template} does not document ${probe.status}`);
      const type = (response.headers.get("content-type") ?? "").split(";")[0]?.trim() ?? "";
      const content = documented.content ?? {};
      assert.ok(type in content, `${type} is not among the documented ${Object.keys(content).join(", ")}`);
      const body = await response.text();
      if (!JSON_TYPES.test(type)) return;
      const pointer = [
        "paths",
        probe.template,
        (probe.method ?? "GET").toLowerCase(),
        "responses",
        String(probe.status),
        "content",
        type,
        "schema",
      ]
        .map((part) => part.replace(/~/g, "~0").replace(/\//g, "~1"))
        .join("/");
      const validate = ajv.compile({ $ref: `openapi#/${pointer}` });
      const answer: unknown = JSON.parse(body);
      const valid = validate(answer);
      assert.ok(valid, `${probe.url}: ${ajv.errorsText(validate.errors?.slice(0, 5), { separator: "\n" })}`);
      if (probe.template === "/api/check" && probe.status === 200) noteCheckParts(answer as CheckResult);
    });

  it("sent every optional part of a check's answer at least once", () => {
    const expected = [
      "applies.complyBy",
      "applies.transition",
      "applies.asProvider",
      "applies.penaltyNotReached",
      "upcoming.from",
      "open.openBecause",
      "open.alternatives",
      "notApplicable.reason",
      "notApplicable.decidedBy",
      "verdict.binds",
      "verdict.from-date",
      "verdict.open",
      "verdict.does-not-apply",
      "verdict.not-covered",
      "market.from",
      "uncoveredMarkets",
    ];
    assert.deepEqual(
      expected.filter((part) => !CHECK_PARTS.has(part)),
      [],
    );
  });
});
