import { LinkList, LinksQuery, listCheckedLinks } from "../../app/links.js";
import { defineEndpoint, type Endpoint, jsonAnswer, problemAnswer } from "../endpoint.js";

const links = jsonAnswer("The checked links, by URL, with who cites each", LinkList);

/** GET /api/links: the cited URLs as the link checker last found them, the broken ones by default. */
export const linkRoutes: Endpoint[] = [
  defineEndpoint({
    method: "get",
    path: "/api/links",
    summary:
      "Cited URLs as the last link check found them (`aigov links check`): by default the broken and unreachable ones, with the archived copy to cite instead and the events and instruments that cite each",
    query: LinksQuery,
    parameterDescriptions: {
      status:
        "`broken` (default: outcomes broken and unreachable), `blocked` (401, 403 or 429: the server refused the checker), `ok`, or `all`",
      limit: "Links per page, 1-1000 (default 200)",
      offset: "Links to skip: the `next` of the previous page",
    },
    responses: {
      200: links,
      400: problemAnswer("A bad parameter: which one and why, as an RFC 9457 problem document."),
    },
    // A check may record new outcomes at any moment (from another process): never kept by the read cache.
    handler: async ({ c, query, deps }) =>
      links.send(c, await listCheckedLinks(deps.services, query), { "cache-control": "no-store" }),
  }),
];
