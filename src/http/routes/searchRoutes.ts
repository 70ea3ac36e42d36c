import { RESULT_KINDS, SearchAllAnswer, SearchAllQuery, searchAll } from "../../app/searchCatalog.js";
import { defineEndpoint, type Endpoint, jsonAnswer, problemAnswer } from "../endpoint.js";

const answer = jsonAnswer(
  "Events, instruments and duties matching the words, with the counts of each kind",
  SearchAllAnswer,
);
const PARAMETERS = {
  q: "The words: titles in any language, identifiers however written (2024/1689, 32024R1689, SB 53, SB53, GB 45438-2025, GB45438), thresholds (10^25, 1e25, 10²⁵).",
  kind: `Which kinds of result, comma-separated: ${RESULT_KINDS.join(", ")} (default all).`,
  lang: "The language of the titles (zh or en; default zh).",
  limit: "How many results, 1 to 100 (default 20).",
};

/**
 * GET /api/search: one list across the archive and the reference data, for an identifier or a title
 * whatever it names (an event, an instrument, a duty); GET /api/events stays the search of events alone.
 */
export const searchRoutes: Endpoint[] = [
  defineEndpoint({
    method: "get",
    path: "/api/search",
    summary: "Search events, instruments and duties at once, by words, identifiers and thresholds",
    query: SearchAllQuery,
    parameterDescriptions: PARAMETERS,
    responses: {
      200: answer,
      400: problemAnswer("No words, an unknown kind, or a parameter unknown or repeated: which one and why."),
    },
    handler: async ({ c, query, deps }) => answer.send(c, await searchAll(deps.services, query)),
  }),
];
