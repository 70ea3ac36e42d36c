import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { instrumentDetail, listInstruments } from "../../app/instruments.js";
import {
  CoverageList,
  DeadlineList,
  InstrumentDetail,
  InstrumentList,
  ObligationList,
} from "../../app/responses.js";
import { CheckProfile } from "../../domain/checkProfile.js";
import { CheckResult } from "../../domain/checkResult.js";
import { checkProfile } from "../../app/check.js";
import { invalidRequest } from "../../app/appError.js";
import { isCheckDate, MAX_PROFILE_BYTES } from "../../obligations/profileInput.js";
import {
  DeadlinesQuery,
  deadlinesAtom,
  deadlinesCsv,
  deadlinesIcs,
  selectDeadlines,
} from "../../app/deadlines.js";
import { Language } from "../../domain/localizedText.js";
import { defineEndpoint, type Endpoint, jsonAnswer, problemAnswer, textAnswer } from "../endpoint.js";
import { HttpProblem } from "../problem.js";

const CheckDay = z.string().refine(isCheckDate, "expected a date written YYYY-MM-DD");

/** The query of POST /api/check: the day to check on (default today, UTC). */
export const CheckQuery = z.object({ at: CheckDay.optional() }).strict();

const DEADLINE_PARAMETERS = {
  from: "First day to list (YYYY-MM-DD); default today (UTC).",
  to: "Last day to list (YYYY-MM-DD); default none.",
  jurisdiction: "Jurisdictions, comma-separated (EU,CN,US); a country brings its states and provinces.",
  instrument: "Instrument ids, comma-separated (eu-ai-act,us-ca-sb-53); an unknown id is refused.",
  limit: "How many, 1 to 500 (default 20).",
};

/** Without `from` an answer is today's: it must not be kept past the day. */
const todaysAnswer = (query: { from?: string }): Record<string, string> =>
  query.from ? {} : { "cache-control": "no-store" };

/** A download's name from what it holds: aigov-deadlines-eu-us-ca-sb-53-en. */
function deadlinesFileName(query: { jurisdiction?: string[]; instrument?: string[] }, lang: string): string {
  const parts = [
    ...(query.jurisdiction ?? []).map((code) => code.toLowerCase()),
    ...(query.instrument ?? []),
  ];
  return ["aigov-deadlines", ...parts, lang].join("-").replace(/[^a-z0-9-]/g, "");
}

const instruments = jsonAnswer("Every instrument", InstrumentList);
const instrument = jsonAnswer("The instrument", InstrumentDetail);
const obligations = jsonAnswer("Every obligation", ObligationList);
const coverage = jsonAnswer("Coverage", CoverageList);
const deadlines = jsonAnswer("Deadlines", DeadlineList);
const answer = jsonAnswer("The answer", CheckResult);

const profileTooLarge = () =>
  new HttpProblem(400, `the profile is larger than ${MAX_PROFILE_BYTES / 1024} KB`, [
    { parameter: "(body)", message: `larger than ${MAX_PROFILE_BYTES / 1024} KB` },
  ]);

/**
 * GET /api/instruments, /api/instruments/{id}, /api/obligations, /api/coverage, /api/deadlines and
 * POST /api/check: the laws as cited records, what the checker covers, and the checker over them.
 */
export const obligationRoutes: Endpoint[] = [
  defineEndpoint({
    method: "get",
    path: "/api/instruments",
    summary: "The instruments behind the obligations checker: titles, identifiers, dates, status, amendments",
    responses: { 200: instruments },
    handler: ({ c, deps }) => instruments.send(c, { items: listInstruments(deps.services) }),
  }),
  defineEndpoint({
    method: "get",
    path: "/api/instruments/{id}",
    summary: "One instrument with its obligations",
    params: z.object({ id: z.string() }),
    responses: { 200: instrument, 404: problemAnswer("No instrument has this id") },
    handler: ({ c, params, deps }) => instrument.send(c, instrumentDetail(deps.services, params.id)),
  }),
  defineEndpoint({
    method: "get",
    path: "/api/obligations",
    summary: "Every obligation as data: whom it binds, conditions, dates, penalty, citation",
    responses: { 200: obligations },
    handler: ({ c, deps }) => obligations.send(c, { items: deps.services.obligations.obligations }),
  }),
  defineEndpoint({
    method: "get",
    path: "/api/coverage",
    summary:
      "Per jurisdiction: which parts of which instruments the checker models, what it knows and does not model, and when that was checked",
    responses: { 200: coverage },
    handler: ({ c, deps }) => coverage.send(c, { items: deps.services.obligations.coverage }),
  }),
  defineEndpoint({
    method: "get",
    path: "/api/deadlines",
    summary: "What takes effect next: applicability dates of the instruments, soonest first",
    query: DeadlinesQuery,
    parameterDescriptions: DEADLINE_PARAMETERS,
    responses: {
      200: deadlines,
      400: problemAnswer("A bad parameter: which one and why, as an RFC 9457 problem document."),
    },
    handler: ({ c, query, deps }) => {
      const { from, items } = selectDeadlines(deps.services, query);
      return deadlines.send(c, { from, items }, todaysAnswer(query));
    },
  }),
  defineEndpoint({
    method: "get",
    path: "/api/deadlines.csv",
    summary: "The same deadlines as CSV, one row per instrument and day (formula cells neutralised)",
    query: DeadlinesQuery.extend({ lang: Language.default("zh") }),
    parameterDescriptions: { ...DEADLINE_PARAMETERS, lang: "The language of titles and labels (zh or en)." },
    responses: {
      200: textAnswer("CSV", "text/csv"),
      400: problemAnswer("A bad parameter: which one and why."),
    },
    handler: ({ c, query, deps }) =>
      c.body(deadlinesCsv(selectDeadlines(deps.services, query).items, query.lang), 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${deadlinesFileName(query, query.lang)}.csv"`,
        ...todaysAnswer(query),
      }),
  }),
  defineEndpoint({
    method: "get",
    path: "/api/deadlines.atom",
    summary: "The same deadlines as an Atom feed, one entry per instrument and day, linked to its page",
    query: DeadlinesQuery.extend({ lang: Language.default("zh") }),
    parameterDescriptions: { ...DEADLINE_PARAMETERS, lang: "The language of titles and labels (zh or en)." },
    responses: {
      200: textAnswer("Atom", "application/atom+xml"),
      400: problemAnswer("A bad parameter: which one and why."),
    },
    handler: ({ c, query, deps }) =>
      c.body(
        deadlinesAtom(
          deps.services,
          selectDeadlines(deps.services, query).items,
          query.lang,
          new URL(c.req.url).search.slice(1),
        ),
        200,
        { "content-type": "application/atom+xml; charset=utf-8", ...todaysAnswer(query) },
      ),
  }),
  defineEndpoint({
    method: "get",
    path: "/api/deadlines.ics",
    summary: "The same deadlines as an iCalendar, one all-day entry per instrument and day (stable UIDs)",
    query: DeadlinesQuery.extend({ lang: Language.default("zh") }),
    parameterDescriptions: { ...DEADLINE_PARAMETERS, lang: "The language of titles and labels (zh or en)." },
    responses: {
      200: textAnswer("iCalendar", "text/calendar"),
      400: problemAnswer("A bad parameter: which one and why."),
    },
    handler: ({ c, query, deps }) =>
      c.body(deadlinesIcs(deps.services, selectDeadlines(deps.services, query).items, query.lang), 200, {
        "content-type": "text/calendar; charset=utf-8",
        "content-disposition": `attachment; filename="${deadlinesFileName(query, query.lang)}.ics"`,
        ...todaysAnswer(query),
      }),
  }),
  defineEndpoint({
    method: "post",
    path: "/api/check",
    summary: "Which obligations bind a model or service described by the profile, on a date",
    description:
      "The body is a CheckProfile (at most 64 KB). Unknown fields, negative or non-numeric FLOP, unknown market codes and malformed dates are 400 problems naming the field. Fields left out are never assumed: the duties they would decide are listed under `missing`.",
    query: CheckQuery,
    parameterDescriptions: { at: "The day to check on (YYYY-MM-DD); default today (UTC)." },
    // Read by profileFromJson rather than by the schema alone: a market must be one the reference data knows.
    body: { content: { "application/json": CheckProfile } },
    responses: {
      200: answer,
      400: problemAnswer("A bad profile or date: which field and why, as an RFC 9457 problem document."),
    },
    middleware: [
      bodyLimit({
        maxSize: MAX_PROFILE_BYTES,
        onError: () => {
          throw profileTooLarge();
        },
      }),
    ],
    handler: async ({ c, query, deps }) => {
      const outcome = checkProfile(deps.services, { json: await c.req.text() }, query.at);
      if ("issues" in outcome)
        throw invalidRequest(
          `bad profile: ${outcome.issues.map((i) => `${i.field}: ${i.message}`).join("; ")}`,
          outcome.issues.map((i) => ({ parameter: i.field, message: i.message })),
        );
      return answer.send(c, outcome.result, { "cache-control": "no-store" });
    },
  }),
];
