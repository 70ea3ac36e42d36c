/**
 * One import in a process of its own, so that its peak memory is its own: checks and writes FILE into a
 * new database DB as `aigov import` does (one streamed pass), and prints the time taken and the peak resident set size.
 */
import { applyImports, openImport } from "../src/import/importFiles.js";
import { openDatabase } from "../src/storage/database.js";

const [file, path] = process.argv.slice(2) as [string, string];
const start = performance.now();
const read = await openImport(file);
const db = await openDatabase({ kind: "sqlite", path });
const [counts] = await applyImports(db, [read]);
await db.destroy();
process.stdout.write(
  `${JSON.stringify({ ms: performance.now() - start, maxRssMb: process.resourceUsage().maxRSS / 1024, added: counts?.added })}\n`,
);
