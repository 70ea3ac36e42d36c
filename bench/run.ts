/**
 * `npm run bench`: runs the benchmarks and prints a table beside the figures of the baseline run kept in
 * bench/baseline.json. `npm run bench -- --save` makes this run the new baseline. Not part of `npm test`.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { benchDeliveries } from "./deliveriesBench.js";
import { benchExport } from "./exportBench.js";
import { type Measurement, printTable } from "./harness.js";
import { benchImport } from "./importBench.js";
import { benchReport } from "./reportBench.js";
import { benchScale } from "./scaleBench.js";
import { benchSearch } from "./searchBench.js";
import { benchThroughput } from "./throughputBench.js";
import { benchWeb } from "./webBench.js";

const BASELINE = new URL("./baseline.json", import.meta.url);
const suites: Record<string, () => Promise<Measurement[]>> = {
  deliveries: benchDeliveries,
  export: benchExport,
  import: benchImport,
  report: benchReport,
  scale: benchScale,
  search: benchSearch,
  throughput: benchThroughput,
  web: benchWeb,
};

const args = process.argv.slice(2);
const only = args.filter((arg) => !arg.startsWith("--"));
const measurements: Measurement[] = [];
for (const [name, suite] of Object.entries(suites)) {
  if (only.length && !only.includes(name)) continue;
  process.stderr.write(`running ${name}…\n`);
  measurements.push(...(await suite()));
}
const baseline = existsSync(BASELINE) ? JSON.parse(readFileSync(BASELINE, "utf8")) : {};
printTable(measurements, baseline);
if (args.includes("--save")) {
  for (const m of measurements) baseline[m.name] = { median: m.median, p99: m.p99 };
  writeFileSync(BASELINE, `${JSON.stringify(baseline, null, 2)}\n`);
  process.stderr.write("saved as the new baseline\n");
}
