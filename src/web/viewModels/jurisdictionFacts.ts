import type { Event } from "../../domain/event.js";
import type { Jurisdiction } from "../../domain/jurisdiction.js";
import { dateBounds } from "../../domain/partialDate.js";
import { bundledJurisdictionGroups, groupsOf } from "../../reference/jurisdictionGroups.js";
import { isCountryCode } from "../../report/countryNames.js";
import { readBundledJurisdictions } from "../../report/jurisdictionNames.js";
import { listJurisdictions } from "../../storage/repos/jurisdictionRepo.js";
import type { PageRequest } from "../webPage.js";

export type JurisdictionKind = Jurisdiction["kind"];

/** A binding instrument with its stated effective dates, each marked past or upcoming against today. */
export interface BindingInstrument {
  event: Event;
  dates: { date: string; label: Event["effectiveDates"][number]["label"]; upcoming: boolean }[];
}

/** What the profile and the compare columns show about one jurisdiction. */
export interface JurisdictionFacts {
  code: string;
  kind: JurisdictionKind;
  parent: string | null;
  total: number;
  byType: Record<string, number>;
  byBindingness: Record<string, number>;
  binding: BindingInstrument[];
  /** Events tagged with compute thresholds: where the data states thresholds. */
  thresholds: Event[];
  /** Newest first. */
  latest: Event[];
  /** Blocs and bodies it belongs to (a subdivision through its country). */
  groups: string[];
  /** For a body with a bundled list: its members. */
  members: string[] | null;
  subdivisions: { code: string; count: number }[];
}

const THRESHOLD_TAG = "compute-thresholds";
const MAX_LISTED = 200;

/** The gazetteer: the database's jurisdictions over the bundled ones. */
export async function gazetteer(request: Pick<PageRequest, "context">): Promise<Map<string, Jurisdiction>> {
  const byCode = new Map<string, Jurisdiction>();
  for (const j of [...readBundledJurisdictions(), ...(await listJurisdictions(request.context.db))])
    byCode.set(j.code, j);
  return byCode;
}

/** Events per jurisdiction code over the whole dataset (each code's own events). */
export async function jurisdictionCounts(
  request: Pick<PageRequest, "context">,
): Promise<Record<string, number>> {
  return (await request.context.search.currentIndex()).overallCounts().jurisdiction;
}

/**
 * The kind of a code aigov knows (gazetteer, ISO 3166-1, a bundled bloc, or a code with events), or null
 * for one it does not: bad codes in a URL get a friendly answer instead of an empty profile.
 */
export function kindOf(
  code: string,
  places: Map<string, Jurisdiction>,
  counts: Record<string, number>,
): JurisdictionKind | null {
  const known = places.get(code);
  if (known) return known.kind;
  if (isCountryCode(code)) return "country";
  if (bundledJurisdictionGroups().some((g) => g.code === code)) return "body";
  if (counts[code]) return /^[A-Z]{2}-/.test(code) ? "subdivision" : "body";
  return null;
}

/** Whether an effective date is still ahead (its first day after today). */
export function isUpcoming(date: string, today: string): boolean {
  return dateBounds(date).first > today;
}

/** Loads the facts of one jurisdiction through the search service, or null when the code is unknown. */
export async function loadJurisdictionFacts(
  request: Pick<PageRequest, "context" | "lang">,
  code: string,
  today = new Date().toISOString().slice(0, 10),
): Promise<JurisdictionFacts | null> {
  const { context, lang } = request;
  const places = await gazetteer(request);
  const counts = await jurisdictionCounts(request);
  const kind = kindOf(code, places, counts);
  if (kind === null) return null;
  const filter = { jurisdictions: [code] };
  const all = await context.search.search({ filter, sort: "-date", limit: 5, facets: true, lang });
  const binding = await context.search.search({
    filter: { ...filter, bindingness: ["binding"] },
    sort: "date",
    limit: MAX_LISTED,
    lang,
  });
  const thresholds = await context.search.search({
    filter: { ...filter, tags: [THRESHOLD_TAG] },
    sort: "date",
    limit: MAX_LISTED,
    lang,
  });
  const subdivisionCodes = new Set<string>();
  for (const c of Object.keys(counts)) if (c.startsWith(`${code}-`)) subdivisionCodes.add(c);
  for (const j of places.values()) if (j.parent === code) subdivisionCodes.add(j.code);
  const group = bundledJurisdictionGroups().find((g) => g.code === code);
  return {
    code,
    kind,
    parent: places.get(code)?.parent ?? (kind === "subdivision" ? (code.split("-")[0] ?? null) : null),
    total: all.total,
    byType: all.facets?.type ?? {},
    byBindingness: all.facets?.bindingness ?? {},
    binding: binding.hits.map(({ event }) => ({
      event,
      dates: event.effectiveDates.map((d) => ({
        date: d.date,
        label: d.label,
        upcoming: isUpcoming(d.date, today),
      })),
    })),
    thresholds: thresholds.hits.map((hit) => hit.event),
    latest: all.hits.map((hit) => hit.event),
    groups: groupsOf(code),
    members: group?.members ?? null,
    subdivisions: [...subdivisionCodes].sort().map((c) => ({ code: c, count: counts[c] ?? 0 })),
  };
}

/**
 * Events per country for the map, each country with its subdivisions counted in (an event naming both
 * the US and California counts once), and the codes of the subdivisions so counted.
 */
export async function countryTotals(
  request: Pick<PageRequest, "context">,
): Promise<Map<string, { count: number; subdivisions: string[] }>> {
  const counts = await jurisdictionCounts(request);
  const totals = new Map<string, { count: number; subdivisions: string[] }>();
  for (const code of Object.keys(counts)) {
    const country = code.split("-")[0] as string;
    if (!isCountryCode(country)) continue;
    const entry = totals.get(country) ?? { count: 0, subdivisions: [] };
    if (code !== country) entry.subdivisions.push(code);
    totals.set(country, entry);
  }
  // The facet already counts a state's events for its country, once each (domain/jurisdictionCounting.ts).
  for (const [country, entry] of totals) {
    entry.subdivisions.sort();
    entry.count = counts[country] ?? 0;
  }
  return totals;
}
