import { createApp } from "../src/server/createApp.js";
import { startServer } from "../src/server/nodeServer.js";
import { SearchService } from "../src/search/searchService.js";
import { benchDatabase } from "./benchDatabase.js";
import { type Measurement, percentile, timeRuns } from "./harness.js";
import { rawFts } from "./rawFts.js";
import { measureRecall } from "./searchRecall.js";

/** The fixed query mix: short and long Chinese, English, mixed, and queries with filters. */
export const QUERY_MIX: { name: string; q: string; params?: string }[] = [
  { name: "short CJK 欧盟", q: "欧盟" },
  { name: "short CJK 芯片", q: "芯片" },
  { name: "short CJK 标识", q: "标识" },
  { name: "long CJK 科技繁荣协议", q: "科技繁荣协议" },
  { name: "long CJK 人工智能安全治理框架", q: "人工智能安全治理框架" },
  { name: "English FLOP", q: "FLOP" },
  { name: "English export controls", q: "export controls" },
  { name: "mixed GPAI 指南", q: "GPAI 指南" },
  { name: "filtered 欧盟 law since 2020", q: "欧盟", params: "type=law&from=2020" },
  { name: "filtered AI in US, binding", q: "AI", params: "jurisdiction=US&bindingness=binding" },
];

const SIZES = (process.env.BENCH_SIZES ?? "10000,100000,1000000").split(",").map(Number);

/**
 * Search latency per size: each query of the mix through the HTTP API (with facets), through the index
 * in-process, and as the plain FTS5 query (bm25 + a facet GROUP BY) on the same database.
 */
export async function benchSearch(): Promise<Measurement[]> {
  const measurements: Measurement[] = [];
  for (const size of SIZES) {
    const { db, path } = await benchDatabase(size);
    // The first run builds the index and saves a snapshot beside the database; later runs load it.
    const search = new SearchService(db, {
      snapshotPath: `${path}.search-index`,
      onIndexed: (how, events, seconds) =>
        process.stderr.write(`  index of ${events} events ${how} in ${seconds.toFixed(1)} s\n`),
    });
    await search.currentIndex();
    const server = await startServer(createApp({ db, search, responseCache: false }), {
      port: 0,
      host: "127.0.0.1",
    });
    const fts = rawFts(path);
    const all = { api: [] as number[], engine: [] as number[], fts: [] as number[] };
    for (const query of QUERY_MIX) {
      const url = `${server.url}/api/events?q=${encodeURIComponent(query.q)}&limit=20${query.params ? `&${query.params}` : ""}`;
      const filter = Object.fromEntries(new URLSearchParams(query.params ?? ""));
      const engineFilter = {
        types: filter.type ? [filter.type] : undefined,
        from: filter.from,
        jurisdictions: filter.jurisdiction ? [filter.jurisdiction] : undefined,
        bindingness: filter.bindingness ? [filter.bindingness] : undefined,
      };
      const api = await timeRuns(async () => {
        const res = await fetch(url);
        await res.arrayBuffer();
      }, 40);
      const engine = await timeRuns(
        () => search.search({ q: query.q, filter: engineFilter, limit: 20, facets: true }),
        40,
      );
      const raw = await timeRuns(() => fts.search(query.q), size >= 1_000_000 ? 7 : 15, 1);
      all.api.push(...api);
      all.engine.push(...engine);
      all.fts.push(...raw);
      measurements.push({
        name: `search ${size}: ${query.name}`,
        median: percentile(api, 50),
        p99: percentile(api, 99),
        reference: { name: "FTS5 bm25+facet", median: percentile(raw, 50), p99: percentile(raw, 99) },
      });
    }
    const sorted = (xs: number[]) => xs.sort((a, b) => a - b);
    measurements.push({
      name: `search ${size}: whole mix, HTTP API`,
      median: percentile(sorted(all.api), 50),
      p99: percentile(all.api, 99),
      reference: {
        name: "index in-process",
        median: percentile(sorted(all.engine), 50),
        p99: percentile(all.engine, 99),
      },
    });
    measurements.push({
      name: `search ${size}: whole mix, FTS5 baseline`,
      median: percentile(sorted(all.fts), 50),
      p99: percentile(all.fts, 99),
    });
    // Recall beside the latencies (1M only when it is benchmarked): a speed-up that drops results shows.
    const recalls = await measureRecall(
      db,
      await search.currentIndex(),
      QUERY_MIX.filter((query) => !query.params).map((query) => query.q),
    );
    for (const { q, scanned, found } of recalls)
      measurements.push({
        name: `search ${size}: recall ${q} (of ${scanned} a substring scan finds)`,
        median: scanned === 0 ? 100 : (100 * found) / scanned,
        unit: "%",
      });
    fts.close();
    await server.close();
    await db.destroy();
  }
  return measurements;
}
