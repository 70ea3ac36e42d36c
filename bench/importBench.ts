import { readFileSync } from "node:fs";
import { parseChronicle } from "../src/import/chronicle/parseChronicle.js";
import { applyImports } from "../src/import/importFiles.js";
import { openDatabase } from "../src/storage/database.js";
import { type Measurement, percentile, timeRuns } from "./harness.js";

const SEED = new URL("../data/seeds/2025-global-ai-governance-report.zh.txt", import.meta.url);

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
    { name: "import: parse the seed (47 events)", median: percentile(parse, 50), p99: percentile(parse, 99) },
    { name: "import: seed into a new database", median: percentile(full, 50), p99: percentile(full, 99) },
  ];
}
