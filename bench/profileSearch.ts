/**
 * Profiles the in-process search at one size (default 1M), loading the index from its snapshot when
 * there is one: `node --import tsx bench/profileSearch.ts 1000000` (add --cpu-prof for a profile).
 */
import { SearchService } from "../src/search/searchService.js";
import { benchDatabase } from "./benchDatabase.js";
import { percentile, timeRuns } from "./harness.js";
import { QUERY_MIX } from "./searchBench.js";

const size = Number(process.argv[2] ?? 1_000_000);
const { db, path } = await benchDatabase(size);
const search = new SearchService(db, {
  snapshotPath: `${path}.search-index`,
  onIndexed: (how, events, seconds) =>
    process.stderr.write(`index ${how}: ${events} events in ${seconds.toFixed(1)} s\n`),
});
await search.currentIndex();
for (const query of QUERY_MIX) {
  const filter = Object.fromEntries(new URLSearchParams(query.params ?? ""));
  const runs = await timeRuns(
    () =>
      search.search({
        q: query.q,
        filter: {
          types: filter.type ? [filter.type] : undefined,
          from: filter.from,
          jurisdictions: filter.jurisdiction ? [filter.jurisdiction] : undefined,
          bindingness: filter.bindingness ? [filter.bindingness] : undefined,
        },
        limit: 20,
        facets: true,
      }),
    50,
  );
  process.stdout.write(
    `${query.name.padEnd(36)} p50 ${percentile(runs, 50).toFixed(2)} ms  p99 ${percentile(runs, 99).toFixed(2)} ms\n`,
  );
}
await db.destroy();
