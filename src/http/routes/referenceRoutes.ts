import { z } from "zod";
import { datasetStats, jurisdictionProfile, jurisdictionsWithCounts } from "../../app/jurisdictions.js";
import { DatasetStats, JurisdictionList, JurisdictionProfile } from "../../app/responses.js";
import { defineEndpoint, type Endpoint, jsonAnswer, problemAnswer } from "../endpoint.js";

const jurisdictions = jsonAnswer("Every jurisdiction", JurisdictionList);
const jurisdiction = jsonAnswer("The jurisdiction", JurisdictionProfile);
const stats = jsonAnswer("The counts", DatasetStats);

/** GET /api/jurisdictions, /api/jurisdictions/{code} and /api/stats: the shape of the whole dataset. */
export const referenceRoutes: Endpoint[] = [
  defineEndpoint({
    method: "get",
    path: "/api/jurisdictions",
    summary: "Jurisdictions with their names (zh, en) and event counts",
    responses: { 200: jurisdictions },
    handler: async ({ c, deps }) =>
      jurisdictions.send(c, { items: await jurisdictionsWithCounts(deps.services) }),
  }),
  defineEndpoint({
    method: "get",
    path: "/api/jurisdictions/{code}",
    summary: "One jurisdiction: counts, facets and its latest events",
    params: z.object({ code: z.string() }),
    responses: { 200: jurisdiction, 404: problemAnswer("No jurisdiction has this code") },
    handler: async ({ c, params, deps }) =>
      jurisdiction.send(c, await jurisdictionProfile(deps.services, params.code.toUpperCase())),
  }),
  defineEndpoint({
    method: "get",
    path: "/api/stats",
    summary: "Counts by month, type, level, bindingness, jurisdiction and tag",
    responses: { 200: stats },
    handler: async ({ c, deps }) => stats.send(c, await datasetStats(deps.services)),
  }),
];
