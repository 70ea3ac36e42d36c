import { execFileSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { once } from "node:events";
import { eventsToCsv } from "../src/export/eventsCsv.js";
import { parseChronicle } from "../src/import/chronicle/parseChronicle.js";
import { applyImports } from "../src/import/importFiles.js";
import { openDatabase } from "../src/storage/database.js";
import { type Measurement, percentile, timeRuns } from "./harness.js";
import { generateEvents } from "./syntheticEvents.js";

const SEED = new URL("../data/seeds/2025-global-ai-governance-report.zh.txt", import.meta.url);

const RESULTS = new URL("./results/", import.meta.url).pathname;
/** Events in the bulk import files: 1M at full size; `AIGOV_BENCH_IMPORT_SIZE` makes a smaller run. */
const BULK_SIZE = Number(process.env.AIGOV_BENCH_IMPORT_SIZE ?? 1_000_000);

/** Writes `size` synthetic events as JSON (one line), JSON Lines and CSV, once (kept in bench/results/). */
async function bulkFiles(size: number): Promise<Record<"json" | "jsonl" | "csv", string>> {
  mkdirSync(RESULTS, { recursive: true });
  const files = {
    json: `${RESULTS}import-${size}.json`,
    jsonl: `${RESULTS}import-${size}.jsonl`,
    csv: `${RESULTS}import-${size}.csv`,
  };
  for (const [format, path] of Object.entries(files)) {
    if (existsSync(path)) continue;
    const out = createWriteStream(`${path}.building`);
    const write = async (text: string) => {
      if (!out.write(text)) await once(out, "drain");
    };
    let first = true;
    if (format === "json") await write("[");
    for (const event of generateEvents(size)) {
      if (format === "json") await write(`${first ? "" : ","}${JSON.stringify(event)}`);
      else if (format === "jsonl") await write(`${JSON.stringify(event)}\n`);
      else await write(first ? eventsToCsv([event]) : eventsToCsv([event]).replace(/^[^\n]*\n/, ""));
      first = false;
    }
    if (format === "json") await write("]");
    out.end();
    await once(out, "finish");
    renameSync(`${path}.building`, path);
  }
  return files;
}

/** Importing BULK_SIZE events from each bulk format into a new database, each in its own process: time and peak RSS. */
async function benchBulkImport(): Promise<Measurement[]> {
  const files = await bulkFiles(BULK_SIZE);
  const measurements: Measurement[] = [];
  for (const [format, file] of Object.entries(files)) {
    const db = `${RESULTS}import-target.db`;
    rmSync(db, { force: true });
    process.stderr.write(`  importing ${BULK_SIZE} events as ${format}…\n`);
    const output = execFileSync(
      process.execPath,
      ["--import", "tsx", new URL("./importChild.ts", import.meta.url).pathname, file, db],
      { encoding: "utf8", maxBuffer: 1 << 20 },
    );
    rmSync(db, { force: true });
    rmSync(`${db}.search-index`, { force: true });
    const { ms, maxRssMb } = JSON.parse(output) as { ms: number; maxRssMb: number };
    measurements.push(
      { name: `import: ${BULK_SIZE} events as ${format}`, median: ms },
      { name: `import: ${BULK_SIZE} events as ${format}, peak RSS`, median: maxRssMb, unit: "MB" },
    );
  }
  return measurements;
}

/** Parsing the seed, and importing it whole into a new in-memory database. */
export async function benchImport(): Promise<Measurement[]> {
  const text = readFileSync(SEED, "utf8");
  const parse = await timeRuns(() => parseChronicle(text, "seed"), 30);
  const full = await timeRuns(async () => {
    const db = await openDatabase({ kind: "sqlite", path: ":memory:" });
    const chronicle = parseChronicle(text, "seed");
    await applyImports(db, [{ file: "seed", format: "report", chronicle, warnings: [] }]);
    await db.destroy();
  }, 15);
  return [
    ...(await benchBulkImport()),
    { name: "import: parse the seed (47 events)", median: percentile(parse, 50), p99: percentile(parse, 99) },
    { name: "import: seed into a new database", median: percentile(full, 50), p99: percentile(full, 99) },
  ];
}
