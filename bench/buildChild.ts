/**
 * A full index build in a process of its own (its peak memory is its own): builds the search index of
 * the SQLite database DB from scratch, as `serve` does on a first start, saves its snapshot, and prints
 * the time taken and the peak resident set size.
 */
import { rmSync } from "node:fs";
import { SearchService } from "../src/search/searchService.js";
import { openDatabase } from "../src/storage/database.js";

const [path] = process.argv.slice(2) as [string];
const snapshotPath = `${path}.search-index`;
rmSync(snapshotPath, { force: true });
const db = await openDatabase({ kind: "sqlite", path }, { create: false });
let seconds = 0;
const search = new SearchService(db, {
  snapshotPath,
  onIndexed: (_how, _events, s) => (seconds = s),
});
const started = performance.now();
const index = await search.currentIndex();
await db.destroy();
process.stdout.write(
  `${JSON.stringify({ events: index.size, buildSeconds: seconds, totalSeconds: (performance.now() - started) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
);
