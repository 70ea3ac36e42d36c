import type { Event } from "../src/domain/event.js";
import { parseQuery } from "../src/search/queryParser.js";
import type { QueryableIndex } from "../src/search/searchIndex.js";
import type { Database } from "../src/storage/database.js";
import { streamEventsNewestFirst } from "../src/storage/repos/eventRepo.js";

/** One query's recall: of the events a plain scan says contain it, how many search returned. */
export interface Recall {
  q: string;
  scanned: number;
  found: number;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * What a plain scan counts as containing the query, with no tokenizer involved: a Chinese part is a
 * substring of the text, an English part the start of a word (case ignored). Every part must be there.
 * These are matches that search must also return; search may return more (stems, folded scripts).
 */
function scanner(q: string): (text: string) => boolean {
  const tests = q
    .split(/\s+/)
    .filter(Boolean)
    .map((part) =>
      /\p{Script=Han}/u.test(part)
        ? (text: string) => text.includes(part)
        : (
            (pattern: RegExp) => (text: string) =>
              pattern.test(text)
          )(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(part)}`, "iu")),
    );
  return (text) => tests.every((test) => test(text));
}

/** The text search indexes for an event (title, summary and sources), for the scan. */
function searchableText(event: Event): string {
  const sources = event.sources.map((s) => `${s.publisher ?? ""} ${s.text ?? s.url ?? ""}`).join(" ");
  return `${event.title.zh ?? ""} ${event.title.en ?? ""}\n${event.summary.zh ?? ""} ${event.summary.en ?? ""}\n${sources}`;
}

/**
 * Recall of each query against a substring scan of every event in the database, so that a faster index
 * that silently drops results shows in the benchmark table. One pass over the events for all queries.
 */
export async function measureRecall(
  db: Database,
  index: QueryableIndex,
  queries: string[],
): Promise<Recall[]> {
  const scans = queries.map((q) => ({ q, matches: scanner(q), ids: new Set<string>() }));
  for await (const event of streamEventsNewestFirst(db)) {
    const text = searchableText(event);
    for (const scan of scans) if (scan.matches(text)) scan.ids.add(event.id);
  }
  return scans.map(({ q, ids }) => {
    const result = index.search({
      query: parseQuery(q),
      filter: {},
      sort: "date",
      offset: 0,
      limit: index.size,
      facets: false,
    });
    let found = 0;
    for (const id of result.ids) if (ids.has(id)) found++;
    return { q, scanned: ids.size, found };
  });
}
