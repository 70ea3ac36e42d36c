import type { z } from "zod";
import { listJurisdictions } from "../storage/repos/jurisdictionRepo.js";
import type { AppServices } from "./appServices.js";
import { notFound } from "./appError.js";
import { presentEvent } from "./presentEvent.js";
import type { DatasetStats, JurisdictionCount, JurisdictionProfile } from "./responses.js";

/** How many of a profile's events GET /api/jurisdictions/{code} lists, newest first. */
const LATEST = 20;

/**
 * Every jurisdiction the database names or an event counts, with its number of events, most first; a
 * code no gazetteer names still appears (with no kind or name), so no counted event is hidden.
 */
export async function jurisdictionsWithCounts(
  services: AppServices,
): Promise<z.output<typeof JurisdictionCount>[]> {
  const counts = (await services.search.currentIndex()).overallCounts().jurisdiction;
  const known = await listJurisdictions(services.db);
  const codes = new Set(known.map((j) => j.code));
  const unnamed = Object.keys(counts)
    .filter((code) => !codes.has(code))
    .map((code) => ({ code, kind: null, name: {}, parent: null }));
  return [...known, ...unnamed]
    .map((j) => ({ code: j.code, kind: j.kind, name: j.name, parent: j.parent, count: counts[j.code] ?? 0 }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

/** One jurisdiction's counts, subdivisions, facets and latest events; not found for a code nobody counts. */
export async function jurisdictionProfile(
  services: AppServices,
  code: string,
): Promise<z.output<typeof JurisdictionProfile>> {
  const all = await jurisdictionsWithCounts(services);
  const jurisdiction = all.find((j) => j.code === code);
  if (!jurisdiction) throw notFound(`no jurisdiction with code "${code}"`);
  const result = await services.search.search({
    filter: { jurisdictions: [code] },
    sort: "-date",
    limit: LATEST,
    facets: true,
  });
  return {
    ...jurisdiction,
    subdivisions: all.filter((j) => j.parent === code || j.code.startsWith(`${code}-`)).map((j) => j.code),
    total: result.total,
    // Asked with facets: true, the search always counts them.
    facets: result.facets ?? { jurisdiction: {}, level: {}, type: {}, bindingness: {}, tag: {}, month: {} },
    latest: result.hits.map((hit) => presentEvent(hit.event, services.corrections)),
  };
}

/** The counts of the whole dataset by month, type, level, bindingness, jurisdiction and tag. */
export async function datasetStats(services: AppServices): Promise<z.output<typeof DatasetStats>> {
  const index = await services.search.currentIndex();
  const counts = index.overallCounts();
  return {
    total: index.size,
    byMonth: counts.month,
    byType: counts.type,
    byLevel: counts.level,
    byBindingness: counts.bindingness,
    byJurisdiction: counts.jurisdiction,
    byTag: counts.tag,
  };
}
