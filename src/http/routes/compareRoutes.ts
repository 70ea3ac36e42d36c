import {
  CompareDutiesQuery,
  compareDuties,
  DutyComparison,
  dutyComparisonCsv,
} from "../../app/compareDuties.js";
import { THEMES } from "../../domain/obligation.js";
import { defineEndpoint, type Endpoint, jsonAnswer, problemAnswer, textAnswer } from "../endpoint.js";

const comparison = jsonAnswer("The duties of the themes, by theme and jurisdiction", DutyComparison);
const refused = problemAnswer(
  "An unknown theme or jurisdiction, a bad date, or a parameter unknown or repeated: which one and why, as an RFC 9457 problem document.",
);
const PARAMETERS = {
  theme: `One or more themes, comma-separated: ${THEMES.join(", ")}.`,
  j: "Jurisdictions, comma-separated (CN,EU,KR,US-CA,VN); a country also brings its subdivisions (US: US-CA, US-NY, …). Default: every jurisdiction with such a duty.",
  at: "The day whose law is compared (YYYY-MM-DD): every version of a duty in law on it; default today (UTC).",
};

/** The comparison asked by a query, in the use case's terms. */
const compare = (
  deps: Parameters<typeof compareDuties>[0],
  query: ReturnType<typeof CompareDutiesQuery.parse>,
) => compareDuties(deps, { themes: query.theme, jurisdictions: query.j, at: query.at });

/**
 * GET /api/compare/duties and /api/compare/duties.csv: the same kind of duty lined up across
 * jurisdictions (who is bound, what must be done, from when, the article, the penalty, the instrument).
 */
export const compareRoutes: Endpoint[] = [
  defineEndpoint({
    method: "get",
    path: "/api/compare/duties",
    summary: "Duties compared by theme: every duty in law with the themes, by theme and jurisdiction",
    query: CompareDutiesQuery,
    parameterDescriptions: PARAMETERS,
    responses: { 200: comparison, 400: refused },
    handler: ({ c, query, deps }) => {
      const answer = compare(deps.services, query);
      // Without `at` the answer is today's law: it must not be kept past the day.
      return comparison.send(c, answer, query.at ? {} : { "cache-control": "no-store" });
    },
  }),
  defineEndpoint({
    method: "get",
    path: "/api/compare/duties.csv",
    summary:
      "Duties compared by theme as CSV, one row per duty, theme and jurisdiction (formula cells neutralised)",
    query: CompareDutiesQuery,
    parameterDescriptions: PARAMETERS,
    responses: { 200: textAnswer("CSV", "text/csv"), 400: refused },
    handler: ({ c, query, deps }) => {
      const answer = compare(deps.services, query);
      const name = [answer.themes.join("-"), ...answer.jurisdictions.map((j) => j.toLowerCase())].join("-");
      return c.body(dutyComparisonCsv(answer), 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="aigov-duties-${name.replace(/[^a-z0-9-]/gi, "")}.csv"`,
        ...(query.at ? {} : { "cache-control": "no-store" }),
      });
    },
  }),
];
