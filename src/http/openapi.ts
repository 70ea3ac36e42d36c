import { z } from "zod";
import { CheckProfile } from "../domain/checkProfile.js";
import { Correction } from "../domain/correction.js";
import { CoverageGap, JurisdictionCoverage } from "../domain/coverage.js";
import { Event } from "../domain/event.js";
import { Instrument } from "../domain/instrument.js";
import { Obligation } from "../domain/obligation.js";
import { Jurisdiction } from "../domain/jurisdiction.js";
import { EventsQuery, MAX_LIMIT } from "./eventsQuery.js";
import { ReportQuery } from "./routes/reportRoutes.js";
import { StatsCsvQuery } from "./routes/statsRoutes.js";

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

const DESCRIPTIONS: Record<string, string> = {
  q: "Full-text query in Chinese and/or English; every word must match. Results are ranked title > summary > sources.",
  from: "Events that end on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).",
  to: "Events that start on or before this date.",
  jurisdiction:
    "ISO 3166 or body code (CN, US-CA, EU); repeat or comma-separate for any of several. A country also finds its subdivisions.",
  type: "Instrument type; any of several.",
  level: "international, regional, national or subnational; any of several.",
  bindingness: "binding, voluntary, draft or none; any of several.",
  tag: "A tag; several tags must all match.",
  sort: "relevance (default with q), date (oldest first, default without q) or -date (newest first).",
  limit: `Page size, 1 to ${MAX_LIMIT}.`,
  cursor: "Opaque cursor from a previous response's `next`.",
  lang: "Language of snippets, feed titles and calendar entries.",
  format: "md (default), html, pdf or docx; pdf and docx are drawn by headless Chromium on the server.",
  chart:
    "Which chart's data: by-type or by-level (events per month), binding-share (binding events per month of all), jurisdictions (events per jurisdiction).",
};

function queryParameters(schema: z.ZodObject): JsonSchema[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const fieldSchema = jsonSchema(field as z.ZodType, "input");
    const isArray = fieldSchema.type === "array";
    return {
      name,
      in: "query",
      required: false,
      description: DESCRIPTIONS[name],
      schema: fieldSchema,
      ...(isArray ? { style: "form", explode: true } : {}),
    };
  });
}

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});
const ok = (description: string, type: string, schema: JsonSchema) => ({
  description,
  content: { [type]: { schema } },
});

const FacetCountsSchema: JsonSchema = {
  type: "object",
  description: "Counts per value for the current query and filters.",
  properties: Object.fromEntries(
    ["jurisdiction", "level", "type", "bindingness", "tag", "month", "year"].map((facet) => [
      facet,
      { type: "object", additionalProperties: { type: "integer", minimum: 0 } },
    ]),
  ),
};

const localized: JsonSchema = {
  type: "object",
  properties: { zh: { type: "string" }, en: { type: "string" } },
};
const CheckItemSchema: JsonSchema = {
  type: "object",
  description:
    "One duty: its id, instrument, jurisdiction, title, citation and start; `reason` where it does not apply.",
  properties: {
    obligation: { type: "string" },
    instrument: { type: "string" },
    jurisdiction: { type: "string" },
    nature: { type: "string", enum: ["duty", "cooperation"] },
    title: localized,
    citation: {
      type: "object",
      properties: {
        article: { type: "string" },
        url: { type: "string" },
        verification: { type: "string", enum: ["official", "secondary", "unverified"] },
      },
      required: ["article", "url", "verification"],
    },
    from: { type: "string", description: "The day the duty applies from for this profile (YYYY-MM-DD)." },
    penalty: { anyOf: [localized, { type: "null" }] },
    notes: { type: "array", items: localized },
    complyBy: {
      type: "string",
      description: "A day later than `from` by which this profile must comply (e.g. Art. 111(3) EU AI Act).",
    },
    penaltyNotReached: {
      type: "object",
      description: "Why the instrument's penalty does not reach this profile, with the penalty's article.",
      properties: { reason: localized, article: { type: "string" } },
    },
    transition: {
      type: "object",
      properties: {
        kind: { type: "string", enum: ["start", "deadline"] },
        label: localized,
        article: { type: "string" },
        url: { type: "string" },
      },
    },
    alternatives: {
      type: "array",
      description:
        "Dates that other answers to open questions would give (a later start or a compliance deadline).",
      items: {
        type: "object",
        properties: {
          kind: { type: "string", enum: ["start", "deadline"] },
          date: { type: "string" },
          label: localized,
          article: { type: "string" },
          url: { type: "string" },
          fields: { type: "array", items: { type: "string" } },
        },
      },
    },
    asProvider: {
      type: "object",
      description: "A developer counted as the provider because it places the model under its own name.",
      properties: { article: { type: "string" }, url: { type: "string" } },
    },
    openBecause: {
      type: "array",
      items: { type: "string" },
      description: "For open duties: the profile fields that would decide it.",
    },
    reason: localized,
    decidedBy: { type: "string", description: "The article or rule whose test failed." },
  },
  required: ["obligation", "instrument", "jurisdiction", "title", "citation", "from"],
};
const CheckResultSchema: JsonSchema = {
  type: "object",
  properties: {
    at: { type: "string" },
    applies: { type: "array", items: { $ref: "#/components/schemas/CheckItem" } },
    upcoming: { type: "array", items: { $ref: "#/components/schemas/CheckItem" } },
    open: {
      type: "array",
      description: "Duties the profile cannot decide yet, each with `openBecause`.",
      items: { $ref: "#/components/schemas/CheckItem" },
    },
    notApplicable: { type: "array", items: { $ref: "#/components/schemas/CheckItem" } },
    markets: {
      type: "array",
      description:
        "One verdict per market: binds, from-date, open, does-not-apply or not-covered, with a one-line headline.",
      items: {
        type: "object",
        properties: {
          jurisdiction: { type: "string" },
          name: localized,
          via: { type: "array", items: { type: "string" } },
          verdict: { type: "string", enum: ["binds", "from-date", "open", "does-not-apply", "not-covered"] },
          headline: localized,
          from: { type: "string" },
          applies: { type: "array", items: { type: "string" } },
          upcoming: { type: "array", items: { type: "string" } },
          open: { type: "array", items: { type: "string" } },
          notApplicable: { type: "array", items: { type: "string" } },
          questions: { type: "array", items: { type: "string" } },
          penalties: {
            type: "array",
            items: {
              type: "object",
              properties: {
                instrument: { type: "string" },
                penalty: localized,
                obligations: { type: "array", items: { type: "string" } },
              },
            },
          },
          notCovered: {
            type: "array",
            description:
              "What aigov knows binds in this jurisdiction but does not model (from GET /api/coverage): a short answer is not a complete one.",
            items: { $ref: "#/components/schemas/CoverageGap" },
          },
        },
        required: ["jurisdiction", "verdict", "headline", "notCovered"],
      },
    },
    questions: {
      type: "array",
      description: "The missing fields as questions in the form's words, the one deciding most duties first.",
      items: {
        type: "object",
        properties: {
          field: { type: "string" },
          label: localized,
          question: localized,
          decides: {
            type: "array",
            items: { type: "object", properties: { obligation: { type: "string" }, title: localized } },
          },
        },
      },
    },
    missing: {
      type: "array",
      description: "Profile fields whose absence left duties open, with the duties each would decide.",
      items: {
        type: "object",
        properties: { field: { type: "string" }, decides: { type: "array", items: { type: "string" } } },
        required: ["field", "decides"],
      },
    },
    uncoveredMarkets: {
      type: "array",
      items: { type: "string" },
      description:
        "Markets of the profile for which aigov holds no obligations (no answer is not 'no duty').",
    },
  },
  required: ["at", "applies", "upcoming", "notApplicable", "missing", "uncoveredMarkets"],
};
const DeadlineSchema: JsonSchema = {
  type: "object",
  properties: {
    uid: { type: "string" },
    date: { type: "string" },
    instrument: { type: "string" },
    jurisdiction: { type: "string" },
    title: localized,
    what: { type: "array", items: localized },
    obligations: { type: "array", items: { type: "string" } },
    url: { type: ["string", "null"] },
  },
  required: ["uid", "date", "instrument", "jurisdiction", "title", "what", "obligations", "url"],
};

function eventSchemaWithCorrections(): JsonSchema {
  const schema = jsonSchema(Event, "output");
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  return {
    ...schema,
    properties: {
      ...properties,
      corrections: {
        type: "array",
        description:
          "Where the official record disagrees with the imported text: the text stays as imported and each correction says what the record shows, with its sources. Present only when there is one.",
        items: { $ref: "#/components/schemas/Correction" },
      },
    },
  };
}

/**
 * The OpenAPI 3.1 document of the HTTP API, generated from the same zod schemas that validate requests
 * and records. A test keeps the committed copy (docs/openapi.json) equal to this.
 */
export function buildOpenApiDocument(): JsonSchema {
  return withParameterRefusals(openApiPaths());
}

/**
 * Every operation may answer 400: each route refuses a query parameter it does not read, or one it
 * reads once given twice (src/http/queryParameters.ts), also where it reads no parameter at all.
 */
function withParameterRefusals(document: JsonSchema): JsonSchema {
  const paths = document.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;
  for (const operations of Object.values(paths))
    for (const operation of Object.values(operations))
      operation.responses["400"] ??= problem(
        "An unknown query parameter, or one given twice: which, as an RFC 9457 problem document.",
      );
  return document;
}

function openApiPaths(): JsonSchema {
  const exportParameters = queryParameters(EventsQuery.omit({ cursor: true }));
  const errors = { "400": problem("A bad parameter: which one and why, as an RFC 9457 problem document.") };
  // A streamed export holds one of the server's slots while it runs (SECURITY.md, "Bounded work").
  const busy = {
    "429": problem(
      "This client already has as many exports running as it may; try again after `Retry-After` seconds",
    ),
    "503": problem(
      "The server already runs as many exports as it allows; try again after `Retry-After` seconds",
    ),
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "aigov API",
      version: "0.1.0",
      description:
        "AI-governance events as structured, sourced records. Keys may be added to responses; cursors are opaque. Every read carries an ETag and answers If-None-Match with 304. A query parameter an operation does not list, or a single-valued one given twice, is a 400 problem naming it (list parameters may repeat).",
    },
    paths: {
      "/api/events": {
        get: {
          summary: "Search and filter events, with facet counts and cursor pagination",
          parameters: queryParameters(EventsQuery),
          responses: {
            "200": ok("A page of events", "application/json", { $ref: "#/components/schemas/EventPage" }),
            ...errors,
          },
        },
      },
      "/api/events/{id}": {
        get: {
          summary: "One event",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "200": ok("The event", "application/json", { $ref: "#/components/schemas/Event" }),
            "404": problem("No event has this id"),
          },
        },
      },
      "/api/jurisdictions": {
        get: {
          summary: "Jurisdictions with their names (zh, en) and event counts",
          responses: {
            "200": ok("Every jurisdiction", "application/json", {
              type: "object",
              properties: {
                items: { type: "array", items: { $ref: "#/components/schemas/JurisdictionCount" } },
              },
              required: ["items"],
            }),
          },
        },
      },
      "/api/jurisdictions/{code}": {
        get: {
          summary: "One jurisdiction: counts, facets and its latest events",
          parameters: [{ name: "code", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "200": ok("The jurisdiction", "application/json", { type: "object" }),
            "404": problem("No jurisdiction has this code"),
          },
        },
      },
      "/api/stats": {
        get: {
          summary: "Counts by month, type, level, bindingness, jurisdiction and tag",
          responses: { "200": ok("The counts", "application/json", { type: "object" }) },
        },
      },
      "/api/stats.csv": {
        get: {
          summary:
            "The data behind a chart of the web app as CSV, the rows its SVG draws; `jurisdiction` narrows to a profile's events",
          parameters: queryParameters(StatsCsvQuery),
          responses: { "200": ok("CSV", "text/csv", { type: "string" }), ...errors, ...busy },
        },
      },
      "/api/report": {
        get: {
          summary:
            "A report like the seed's (what `aigov report` writes) as a download; without from/to, the last calendar year with data",
          parameters: queryParameters(ReportQuery),
          responses: {
            "200": {
              description: "The report in the format asked for",
              content: Object.fromEntries(
                [
                  "text/markdown",
                  "text/html",
                  "application/pdf",
                  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                ].map((type) => [type, { schema: { type: "string" } }]),
              ),
            },
            ...errors,
            "503": problem(
              "Chromium is not installed, or every PDF/DOCX render slot and its queue are busy or a render took too long (then with `Retry-After`)",
            ),
          },
        },
      },
      "/api/events.csv": {
        get: {
          summary: "The matching events as CSV (the columns `aigov import` reads back)",
          parameters: exportParameters,
          responses: { "200": ok("CSV", "text/csv", { type: "string" }), ...errors, ...busy },
        },
      },
      "/api/feed.atom": {
        get: {
          summary: "The newest matching events as an Atom feed (50 unless `limit` says otherwise)",
          parameters: exportParameters,
          responses: { "200": ok("Atom", "application/atom+xml", { type: "string" }), ...errors },
        },
      },
      "/api/calendar.ics": {
        get: {
          summary:
            "Event days, stated effective dates and the instruments' applicability dates (one entry per instrument and day, stable UIDs) as all-day iCalendar events",
          parameters: exportParameters,
          responses: { "200": ok("iCalendar", "text/calendar", { type: "string" }), ...errors, ...busy },
        },
      },
      "/api/sources.csl.json": {
        get: {
          summary: "Every source of the matching events as CSL-JSON, for Zotero and citeproc",
          parameters: exportParameters,
          responses: {
            "200": ok("CSL-JSON", "application/vnd.citationstyles.csl+json", {
              type: "array",
              items: { type: "object" },
            }),
            ...errors,
            ...busy,
          },
        },
      },
      "/api/instruments": {
        get: {
          summary:
            "The instruments behind the obligations checker: titles, identifiers, dates, status, amendments",
          responses: {
            "200": ok("Every instrument", "application/json", {
              type: "object",
              properties: { items: { type: "array", items: { $ref: "#/components/schemas/Instrument" } } },
              required: ["items"],
            }),
          },
        },
      },
      "/api/instruments/{id}": {
        get: {
          summary: "One instrument with its obligations",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "200": ok("The instrument", "application/json", { $ref: "#/components/schemas/Instrument" }),
            "404": problem("No instrument has this id"),
          },
        },
      },
      "/api/obligations": {
        get: {
          summary: "Every obligation as data: whom it binds, conditions, dates, penalty, citation",
          responses: {
            "200": ok("Every obligation", "application/json", {
              type: "object",
              properties: { items: { type: "array", items: { $ref: "#/components/schemas/Obligation" } } },
              required: ["items"],
            }),
          },
        },
      },
      "/api/coverage": {
        get: {
          summary:
            "Per jurisdiction: which parts of which instruments the checker models, what it knows and does not model, and when that was checked",
          responses: {
            "200": ok("Coverage", "application/json", {
              type: "object",
              properties: {
                items: { type: "array", items: { $ref: "#/components/schemas/JurisdictionCoverage" } },
              },
              required: ["items"],
            }),
          },
        },
      },
      "/api/deadlines": {
        get: {
          summary: "What takes effect next: applicability dates of the instruments, soonest first",
          parameters: [
            {
              name: "from",
              in: "query",
              required: false,
              description: "First day to list (YYYY-MM-DD); default today (UTC).",
              schema: { type: "string" },
            },
            {
              name: "limit",
              in: "query",
              required: false,
              description: "How many, 1 to 500 (default 20).",
              schema: { type: "integer", minimum: 1, maximum: 500 },
            },
          ],
          responses: {
            "200": ok("Deadlines", "application/json", {
              type: "object",
              properties: {
                from: { type: "string" },
                items: { type: "array", items: { $ref: "#/components/schemas/Deadline" } },
              },
              required: ["from", "items"],
            }),
            ...errors,
          },
        },
      },
      "/api/check": {
        post: {
          summary: "Which obligations bind a model or service described by the profile, on a date",
          description:
            "The body is a CheckProfile (at most 64 KB). Unknown fields, negative or non-numeric FLOP, unknown market codes and malformed dates are 400 problems naming the field. Fields left out are never assumed: the duties they would decide are listed under `missing`.",
          parameters: [
            {
              name: "at",
              in: "query",
              required: false,
              description: "The day to check on (YYYY-MM-DD); default today (UTC).",
              schema: { type: "string" },
            },
          ],
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/CheckProfile" } } },
          },
          responses: {
            "200": ok("The answer", "application/json", { $ref: "#/components/schemas/CheckResult" }),
            "400": problem("A bad profile or date: which field and why, as an RFC 9457 problem document."),
          },
        },
      },
      "/api/openapi.json": {
        get: {
          summary: "This document",
          responses: { "200": ok("OpenAPI 3.1", "application/json", { type: "object" }) },
        },
      },
    },
    components: {
      schemas: {
        Event: eventSchemaWithCorrections(),
        Correction: jsonSchema(Correction.omit({ event: true }), "output"),
        CoverageGap: jsonSchema(CoverageGap, "output"),
        JurisdictionCoverage: jsonSchema(JurisdictionCoverage, "output"),
        Instrument: jsonSchema(Instrument, "output"),
        Obligation: jsonSchema(Obligation, "output"),
        CheckProfile: jsonSchema(CheckProfile, "input"),
        CheckItem: CheckItemSchema,
        CheckResult: CheckResultSchema,
        Deadline: DeadlineSchema,
        EventPage: {
          type: "object",
          properties: {
            items: { type: "array", items: { $ref: "#/components/schemas/Event" } },
            total: { type: "integer", minimum: 0 },
            facets: FacetCountsSchema,
            next: { type: ["string", "null"], description: "Cursor of the next page, null on the last" },
          },
          required: ["items", "total", "facets", "next"],
        },
        JurisdictionCount: {
          ...jsonSchema(Jurisdiction, "output"),
          description: "A jurisdiction with the number of events that name it",
        },
        Problem: {
          type: "object",
          properties: {
            type: {
              type: "string",
              description:
                "The kind of problem, a URI relative to the server (e.g. /problems/invalid-request) whose page explains it",
            },
            title: { type: "string" },
            status: { type: "integer" },
            detail: { type: "string" },
            instance: { type: "string" },
            errors: {
              type: "array",
              items: {
                type: "object",
                properties: { parameter: { type: "string" }, message: { type: "string" } },
                required: ["parameter", "message"],
              },
            },
          },
          required: ["type", "title", "status", "detail"],
        },
      },
    },
  };
}
