import { loadBundledDatasetIfEmpty } from "../src/import/bundledDataset.js";
import { buildReport } from "../src/report/buildReport.js";
import { withChromium } from "../src/report/chromium.js";
import { loadReportInput } from "../src/report/loadReportInput.js";
import { type ReportFormat, renderReport } from "../src/report/renderReport.js";
import { type Database, openDatabase } from "../src/storage/database.js";
import { writeEvent } from "../src/storage/repos/eventRepo.js";
import { type Measurement, percentile, timeRuns } from "./harness.js";
import { generateEvents } from "./syntheticEvents.js";

/** The whole `aigov report` pipeline but the process: read the period from the database, lay it out, write it. */
async function report(db: Database, format: ReportFormat, from?: string, to?: string): Promise<number> {
  const input = await loadReportInput(db, { from, to, filter: {} });
  const output = await renderReport(buildReport(input, "zh"), format);
  return output.length;
}

const measure = (name: string, durations: number[]): Measurement => ({
  name,
  median: percentile(durations, 50),
  p99: percentile(durations, 99),
});

/**
 * Report generation: the seed year (47 events, its stored narrative) as Markdown and HTML, and once as
 * PDF with Chromium's start included; then 10,000 synthetic events over ten years (narrative built from
 * the data, 120 months of chronicle) as Markdown and HTML.
 */
export async function benchReport(): Promise<Measurement[]> {
  const seed = await openDatabase({ kind: "sqlite", path: ":memory:" });
  await loadBundledDatasetIfEmpty(seed);
  const results = [
    measure("report: seed year as md (47 events)", await timeRuns(() => report(seed, "md"), 20)),
    measure("report: seed year as html", await timeRuns(() => report(seed, "html"), 20)),
    measure(
      "report: seed year as pdf (Chromium start included, 1 run)",
      await timeRuns(() => report(seed, "pdf"), 1, 0),
    ),
  ];
  // Once Chromium runs, a PDF costs the printing alone (what a server keeping a browser would pay).
  const warm = await withChromium(async (browser) => {
    const input = await loadReportInput(seed, { filter: {} });
    return timeRuns(() => renderReport(buildReport(input, "zh"), "pdf", (work) => work(browser)), 3, 1);
  });
  results.push(measure("report: seed year as pdf, Chromium already running", warm));
  await seed.destroy();

  const synthetic = await openDatabase({ kind: "sqlite", path: ":memory:" });
  const now = new Date().toISOString();
  await synthetic.transaction().execute(async (trx) => {
    for (const event of generateEvents(10_000)) await writeEvent(trx, event, "benchmark", now);
  });
  results.push(
    measure(
      "report: 10k synthetic events (2016–2025) as md",
      await timeRuns(() => report(synthetic, "md", "2016", "2025"), 5, 1),
    ),
    measure(
      "report: 10k synthetic events (2016–2025) as html",
      await timeRuns(() => report(synthetic, "html", "2016", "2025"), 5, 1),
    ),
    measure(
      "report: one synthetic year (~1k events) as md",
      await timeRuns(() => report(synthetic, "md"), 10),
    ),
  );
  await synthetic.destroy();
  return results;
}
