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
import { addUser, createToken } from "../src/app/accounts.js";
import { buildServices } from "../src/app/appServices.js";
import { createRelease } from "../src/app/releases.js";
import { operator } from "../src/domain/account.js";
import type { CheckResult } from "../src/domain/checkResult.js";
import type { LinkOutcome, LinkState } from "../src/domain/linkStatus.js";
import { SearchService } from "../src/search/searchService.js";
import { replaceLinkCitations, writeLinkState } from "../src/storage/repos/linkRepo.js";
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
  method?: "GET" | "POST" | "DELETE";
  url: string;
  body?: unknown;
  status: number;
  /** Whose API token to send (made in before()); "bad" sends one nobody has. */
  token?: "contributor" | "editor" | "admin" | "bad";
  /** The name under which a 201's proposal id is kept, for later probes' `<name>` in their URL. */
  keep?: string;
}

const EVENT = "2025-us-eo-14179-removing-barriers";

/** A link as a check records it, failing since its one check or working. */
const linkState = (url: string, outcome: LinkOutcome, status: number): LinkState => ({
  url,
  outcome,
  status,
  finalUrl: null,
  error: outcome === "ok" ? null : `HTTP ${status}`,
  checkedAt: "2026-06-01T00:00:00.000Z",
  lastOkAt: outcome === "ok" ? "2026-06-01T00:00:00.000Z" : null,
  firstBrokenAt: outcome === "ok" ? null : "2026-06-01T00:00:00.000Z",
  failures: outcome === "ok" ? 0 : 1,
  firstCitedOn: "2025-01-23",
});

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
  {
    template: "/api/deadlines",
    url: "/api/deadlines?jurisdiction=EU,US-CA&from=2026-01-01&limit=50",
    status: 200,
  },
  { template: "/api/deadlines", url: "/api/deadlines?instrument=nope", status: 400 },
  { template: "/api/deadlines.csv", url: "/api/deadlines.csv?jurisdiction=EU&lang=en", status: 200 },
  { template: "/api/deadlines.csv", url: "/api/deadlines.csv?from=2026-13-01", status: 400 },
  {
    template: "/api/deadlines.ics",
    url: "/api/deadlines.ics?instrument=us-ca-sb-53&from=2020-01-01",
    status: 200,
  },
  { template: "/api/deadlines.ics", url: "/api/deadlines.ics?limit=0", status: 400 },
  { template: "/api/deadlines.atom", url: "/api/deadlines.atom?jurisdiction=EU&lang=en", status: 200 },
  { template: "/api/deadlines.atom", url: "/api/deadlines.atom?instrument=nope", status: 400 },
  { template: "/api/search", url: "/api/search?q=SB%2053&lang=en", status: 200 },
  { template: "/api/search", url: "/api/search?q=10%5E25&kind=duty,instrument&limit=3", status: 200 },
  { template: "/api/search", url: "/api/search?q=GB45438&kind=event", status: 200 },
  { template: "/api/search", url: "/api/search?q=", status: 400 },
  { template: "/api/search", url: "/api/search?q=x&kind=treaty", status: 400 },
  {
    template: "/api/compare/duties",
    url: "/api/compare/duties?theme=labeling&j=CN,EU,KR,US-CA,VN&at=2026-12-03",
    status: 200,
  },
  {
    template: "/api/compare/duties",
    url: "/api/compare/duties?theme=high-risk,ai-literacy&j=EU,US",
    status: 200,
  },
  { template: "/api/compare/duties", url: "/api/compare/duties?theme=labeling&j=ZZ", status: 400 },
  { template: "/api/compare/duties", url: "/api/compare/duties?theme=labeling&theme=minors", status: 400 },
  { template: "/api/compare/duties.csv", url: "/api/compare/duties.csv?theme=labeling&j=CN,US", status: 200 },
  { template: "/api/compare/duties.csv", url: "/api/compare/duties.csv?theme=nope", status: 400 },
  { template: "/api/links", url: "/api/links", status: 200 },
  { template: "/api/links", url: "/api/links?status=all&limit=5&offset=0", status: 200 },
  { template: "/api/links", url: "/api/links?status=dead", status: 400 },
  { template: "/api/links", url: "/api/links?limit=0", status: 400 },
  ...EDITORIAL_PROBES(),
];

/**
 * The editors' and history endpoints, in an order that makes each answer happen: proposals made, then
 * refused, published (one of two made against the same revision, so the other is stale), rejected;
 * then the history they left, the archive as of a moment, who a token is, and the audit log.
 */
function EDITORIAL_PROBES(): Probe[] {
  const post = (template: string, url: string, status: number, token?: Probe["token"], body?: unknown) =>
    ({ template, method: "POST", url, status, token, body }) as Probe;
  const proposals = "/api/proposals";
  const publish = "/api/proposals/{id}/publish";
  const reject = "/api/proposals/{id}/reject";
  const probeEvent = { id: "openapi-probe", title: { en: "Probe" }, date: { start: "2026-01-01" } };
  const change = (patch: Record<string, unknown>) => ({
    eventId: EVENT,
    patch,
    baseRevision: 1,
    note: "why",
  });
  return [
    { ...post(proposals, proposals, 201, "contributor", { event: probeEvent, note: "new" }), keep: "add" },
    { ...post(proposals, proposals, 201, "contributor", change({ tags: ["probe-a"] })), keep: "first" },
    { ...post(proposals, proposals, 201, "contributor", change({ tags: ["probe-b"] })), keep: "second" },
    {
      ...post(proposals, proposals, 201, "contributor", {
        eventId: "2025-kr-ai-basic-act",
        remove: true,
        baseRevision: 1,
        note: "probe",
      }),
      keep: "removal",
    },
    post(proposals, proposals, 401, undefined, { event: probeEvent, note: "new" }),
    post(proposals, proposals, 401, "bad", { event: probeEvent, note: "new" }),
    post(proposals, proposals, 400, "editor", { event: { ...probeEvent, date: {} }, note: "x" }),
    post(proposals, proposals, 400, "editor", "not json"),
    post(proposals, proposals, 404, "editor", { ...change({ tags: [] }), eventId: "no-such-event" }),
    post(proposals, proposals, 409, "editor", { event: { ...probeEvent, id: EVENT }, note: "taken" }),
    { template: proposals, url: "/api/proposals?status=pending", status: 200 },
    { template: proposals, url: "/api/proposals?status=maybe", status: 400 },
    { template: "/api/proposals/{id}", url: "/api/proposals/<add>", status: 200 },
    { template: "/api/proposals/{id}", url: "/api/proposals/999999", status: 404 },
    post(publish, "/api/proposals/<first>/publish", 401),
    post(publish, "/api/proposals/<first>/publish", 403, "contributor"),
    post(publish, "/api/proposals/<first>/publish", 400, "editor", { note: 5 }),
    post(publish, "/api/proposals/999999/publish", 404, "editor"),
    post(publish, "/api/proposals/<first>/publish", 200, "editor", { note: "checked" }),
    post(publish, "/api/proposals/<second>/publish", 409, "editor"),
    post(proposals, proposals, 409, "contributor", change({ tags: ["probe-c"] })),
    post(publish, "/api/proposals/<removal>/publish", 200, "admin"),
    post(reject, "/api/proposals/<add>/reject", 401, undefined, { note: "no" }),
    post(reject, "/api/proposals/<add>/reject", 403, "contributor", { note: "no" }),
    post(reject, "/api/proposals/<add>/reject", 400, "editor"),
    post(reject, "/api/proposals/999999/reject", 404, "editor", { note: "no" }),
    post(reject, "/api/proposals/<add>/reject", 200, "editor", { note: "no source" }),
    post(reject, "/api/proposals/<add>/reject", 409, "editor", { note: "again" }),
    { template: proposals, url: "/api/proposals?status=published&limit=1", status: 200 },
    { template: "/api/events/{id}/revisions", url: `/api/events/${EVENT}/revisions`, status: 200 },
    { template: "/api/events/{id}/revisions", url: "/api/events/no-such-event/revisions", status: 404 },
    { template: "/api/events/{id}/revisions/{n}", url: `/api/events/${EVENT}/revisions/2`, status: 200 },
    {
      template: "/api/events/{id}/revisions/{n}",
      url: "/api/events/2025-kr-ai-basic-act/revisions/2",
      status: 200,
    },
    { template: "/api/events/{id}/revisions/{n}", url: `/api/events/${EVENT}/revisions/9`, status: 404 },
    { template: "/api/events/{id}/diff", url: `/api/events/${EVENT}/diff?from=1&to=2`, status: 200 },
    { template: "/api/events/{id}/diff", url: `/api/events/${EVENT}/diff?from=one&to=2`, status: 400 },
    { template: "/api/events/{id}/diff", url: `/api/events/${EVENT}/diff?from=1&to=7`, status: 404 },
    { template: "/api/events", url: "/api/events?asOf=2999-01-01&limit=2&q=AI&lang=en", status: 200 },
    { template: "/api/events", url: "/api/events?asOf=2000-01-01", status: 200 },
    { template: "/api/events", url: "/api/events?asOf=soon", status: 400 },
    { template: "/api/events/{id}", url: `/api/events/${EVENT}?asOf=2999-01-01`, status: 200 },
    { template: "/api/events/{id}", url: `/api/events/${EVENT}?asOf=2000-01-01`, status: 404 },
    { template: "/api/events.csv", url: "/api/events.csv?asOf=2999-01-01", status: 200 },
    { template: "/api/report", url: "/api/report?format=md&asOf=2999-01-01", status: 200 },
    { template: "/api/me", url: "/api/me", status: 200, token: "contributor" },
    { template: "/api/me", url: "/api/me", status: 401 },
    { template: "/api/audit", url: "/api/audit?limit=20", status: 200, token: "admin" },
    { template: "/api/audit", url: "/api/audit", status: 403, token: "editor" },
    { template: "/api/audit", url: "/api/audit", status: 401, token: "bad" },
    { template: "/api/audit", url: "/api/audit?action=nope", status: 400, token: "admin" },
    ...SUBSCRIPTION_PROBES(),
    // A release of the bundled data is made in before().
    { template: "/api/releases", url: "/api/releases", status: 200 },
    { template: "/api/releases", url: "/api/releases?lang=en", status: 400 },
    { template: "/api/releases/{version}", url: "/api/releases/2026.1", status: 200 },
    { template: "/api/releases/{version}", url: "/api/releases/9.9", status: 404 },
    { template: "/releases/{version}/{file}", url: "/releases/2026.1/events.jsonl", status: 200 },
    { template: "/releases/{version}/{file}", url: "/releases/2026.1/nope.txt", status: 404 },
  ];
}

/** Subscriptions: made, refused, listed, read, resumed, their log, removed. */
function SUBSCRIPTION_PROBES(): Probe[] {
  const list = "/api/subscriptions";
  const one = "/api/subscriptions/{id}";
  const webhook = { url: "https://hooks.example.org/aigov", secret: "a secret of sixteen+ characters" };
  const made = { scope: { kind: "jurisdiction", code: "EU" }, webhook, name: "EU" };
  const post = (template: string, url: string, status: number, token?: Probe["token"], body?: unknown) =>
    ({ template, method: "POST", url, status, token, body }) as Probe;
  return [
    { ...post(list, list, 201, "contributor", made), keep: "sub" },
    post(list, list, 201, "editor", {
      scope: { kind: "search", search: { q: "AI Act", tag: ["gpai"] } },
      email: { address: "editor@example.org", digest: "weekly" },
      lang: "zh",
    }),
    post(list, list, 401, undefined, made),
    post(list, list, 400, "contributor", {
      ...made,
      webhook: { url: "http://127.0.0.1/x", secret: webhook.secret },
    }),
    post(list, list, 400, "contributor", "not json"),
    post(list, list, 403, "contributor", { scope: made.scope, email: { address: "x@example.org" } }),
    post(list, list, 404, "contributor", { ...made, scope: { kind: "instrument", id: "no-such" } }),
    { template: list, url: list, status: 200, token: "contributor" },
    { template: list, url: `${list}?all=true`, status: 200, token: "admin" },
    { template: list, url: `${list}?all=true`, status: 403, token: "contributor" },
    { template: list, url: `${list}?all=maybe`, status: 400, token: "admin" },
    { template: list, url: list, status: 401 },
    { template: one, url: `${list}/<sub>`, status: 200, token: "contributor" },
    { template: one, url: `${list}/<sub>`, status: 404, token: "editor" },
    { template: one, url: `${list}/<sub>`, status: 401 },
    post("/api/subscriptions/{id}/resume", `${list}/<sub>/resume`, 200, "contributor"),
    post("/api/subscriptions/{id}/resume", `${list}/<sub>/resume`, 401),
    post("/api/subscriptions/{id}/resume", `${list}/sub-nope/resume`, 404, "contributor"),
    {
      template: `${one}/deliveries`,
      url: `${list}/<sub>/deliveries?limit=5`,
      status: 200,
      token: "contributor",
    },
    {
      template: `${one}/deliveries`,
      url: `${list}/<sub>/deliveries?limit=0`,
      status: 400,
      token: "contributor",
    },
    { template: `${one}/deliveries`, url: `${list}/<sub>/deliveries`, status: 401 },
    { template: `${one}/deliveries`, url: `${list}/sub-nope/deliveries`, status: 404, token: "admin" },
    { template: one, method: "DELETE", url: `${list}/<sub>`, status: 401 },
    { template: one, method: "DELETE", url: `${list}/<sub>`, status: 204, token: "contributor" },
    { template: one, method: "DELETE", url: `${list}/<sub>`, status: 404, token: "contributor" },
  ];
}

const JSON_TYPES = /^application\/(json|problem\+json|vnd\.citationstyles\.csl\+json)$/;

describe("every answer matches docs/openapi.json", () => {
  let app: AigovApp;
  let stop: () => Promise<void>;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(DOCUMENT, "openapi");

  /** The API tokens of the probes, by role, and the ids of the proposals they made. */
  const tokens: Record<string, string> = { bad: "aigov_nobody-has-this" };
  const kept = new Map<string, number>();

  before(async () => {
    let db;
    ({ app, db, stop } = await startInProcessApp({ responseCache: false }));
    const services = buildServices({ db, search: new SearchService(db) }, () => "http://localhost");
    for (const role of ["contributor", "editor", "admin"] as const) {
      const email = `${role}@example.org`;
      await addUser(services, operator(null), { email, role, password: "a long enough password" });
      tokens[role] = (await createToken(services, operator(null), email)).token;
    }
    await createRelease(services, "2026.1");
    // Links as a check would have left them (no network here), so that /api/links answers with items.
    await writeLinkState(db, linkState(`https://example.org/gone`, "broken", 404));
    await writeLinkState(db, linkState(`https://example.org/here`, "ok", 200));
    await replaceLinkCitations(
      db,
      [{ url: "https://example.org/gone", kind: "event", subject: EVENT }],
      ["event"],
    );
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
    it(`${probe.method ?? "GET"} ${probe.url}${probe.token ? ` (${probe.token})` : ""} → ${probe.status}, as documented`, async () => {
      const url = probe.url.replace(/<(\w+)>/g, (_, name: string) => String(kept.get(name)));
      const headers: Record<string, string> = {};
      if (probe.token) headers.authorization = `Bearer ${tokens[probe.token]}`;
      if (probe.body !== undefined) headers["content-type"] = "application/json";
      const response = await app.hono.request(`http://localhost${url}`, {
        method: probe.method ?? "GET",
        headers,
        ...(probe.body === undefined
          ? {}
          : { body: typeof probe.body === "string" ? probe.body : JSON.stringify(probe.body) }),
      });
      assert.equal(response.status, probe.status, (await response.clone().text()).slice(0, 300));
      const operation = DOCUMENT.paths[probe.template]?.[(probe.method ?? "GET").toLowerCase()];
      const documented = operation?.responses[String(probe.status)];
      assert.ok(documented, `${probe.template} does not document ${probe.status}`);
      if (probe.status === 204) return assert.equal(await response.text(), "");
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
      if (probe.keep) kept.set(probe.keep, (answer as { id: number }).id);
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
