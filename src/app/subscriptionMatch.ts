import type { Event } from "../domain/event.js";
import { toEventFilter } from "../domain/eventQuery.js";
import type { Instrument } from "../domain/instrument.js";
import { isWithin } from "../domain/jurisdictionCounting.js";
import { SubscriptionScope } from "../domain/subscription.js";
import { parseQuery } from "../search/queryParser.js";
import { SearchIndex } from "../search/searchIndex.js";

// Which changed events a subscription follows. A saved search is answered by the search index itself,
// built over the few versions in hand, so that a subscriber is told of exactly what the same search on
// /api/events finds: the same words (both languages, identifiers however written), the same filters (a
// country's filter takes its states' events).

/**
 * One published change, with the versions of its event before and after it (null where there is none);
 * or an instrument's change, which has no event versions.
 */
export interface ChangedVersions {
  subject: string;
  before: Event | null;
  after: Event | null;
  instrument?: Instrument;
}

/**
 * Whether a scope follows an instrument's change: the instrument itself, one of its events, its
 * jurisdiction (a country's takes its states'), or a saved search of jurisdictions alone (a search with
 * words or other filters is about events, and an instrument is none).
 */
function followsInstrument(scope: SubscriptionScope, instrument: Instrument): boolean {
  if (scope.kind === "instrument") return scope.id === instrument.id;
  if (scope.kind === "event")
    return instrument.events.includes(scope.id) || instrument.amends.includes(scope.id);
  if (scope.kind === "jurisdiction") return isWithin(instrument.jurisdiction, scope.code);
  const { q, jurisdiction, from, to, type, level, bindingness, tag } = scope.search;
  const onlyPlaces =
    !q && !from && !to && !type.length && !level.length && !bindingness.length && !tag.length;
  return onlyPlaces && jurisdiction.some((code) => isWithin(instrument.jurisdiction, code));
}

/**
 * For each subscription, the changes it is owed: those whose event matches its scope before or after the
 * change (an event that leaves a saved search is news to its subscriber too).
 */
export function matchChanges(
  changes: readonly ChangedVersions[],
  subscriptions: readonly { id: string; scope: string }[],
  instruments: readonly Instrument[],
): Map<string, number[]> {
  // Every version gets a document of its own, named by its position, in one small index.
  const versions: Event[] = [];
  const versionsOf = changes.map((change) =>
    [change.before, change.after].flatMap((event) => {
      if (!event) return [];
      versions.push({ ...event, id: String(versions.length) });
      return [versions.length - 1];
    }),
  );
  let index: SearchIndex | null = null;
  const owed = new Map<string, number[]>();
  for (const subscription of subscriptions) {
    const parsed = SubscriptionScope.safeParse(JSON.parse(subscription.scope));
    if (!parsed.success) continue;
    const scope = parsed.data;
    let matches: (position: number) => boolean;
    const instrumentAt = (at: number) => changes[at]?.instrument;
    if (scope.kind === "event") matches = (at) => changes[at]?.subject === scope.id;
    else if (scope.kind === "instrument") {
      const instrument = instruments.find((i) => i.id === scope.id);
      const followed = new Set([...(instrument?.events ?? []), ...(instrument?.amends ?? [])]);
      matches = (at) => followed.has(changes[at]?.subject ?? "");
    } else {
      index ??= new SearchIndex(versions);
      const search = scope.kind === "search" ? scope.search : null;
      const filter =
        scope.kind === "jurisdiction" ? { jurisdictions: [scope.code] } : toEventFilter(scope.search);
      const found = new Set(
        index.search({
          query: search?.q?.trim() ? parseQuery(search.q) : null,
          filter,
          sort: "date",
          offset: 0,
          limit: Math.max(1, versions.length),
          facets: false,
        }).ids,
      );
      matches = (at) => (versionsOf[at] ?? []).some((version) => found.has(String(version)));
    }
    const positions = changes
      .map((_, at) => at)
      .filter((at) => {
        const instrument = instrumentAt(at);
        return instrument ? followsInstrument(scope, instrument) : matches(at);
      });
    if (positions.length) owed.set(subscription.id, positions);
  }
  return owed;
}
