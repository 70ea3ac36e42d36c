/** Timing helpers for the benchmarks: medians and percentiles of repeated runs, and the result table. */

export interface Measurement {
  name: string;
  /** Milliseconds per run (or other unit, named in `unit`). */
  median: number;
  p99?: number;
  unit?: string;
  /** What the figure is compared with in the same run (e.g. the raw SQL query), if anything. */
  reference?: { name: string; median: number; p99?: number };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] as number;
}

/** Runs `fn` `runs` times after `warmup` runs and returns the sorted durations in ms. */
export async function timeRuns(fn: () => unknown, runs: number, warmup = 2): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    durations.push(performance.now() - start);
  }
  return durations.sort((a, b) => a - b);
}

const fmt = (value: number | undefined) =>
  value === undefined || Number.isNaN(value) ? "—" : value < 10 ? value.toFixed(2) : value.toFixed(1);

/** Prints the measurements beside the baseline figures of an earlier run, with the ratio. */
export function printTable(measurements: Measurement[], baseline: Record<string, { median: number }>): void {
  const rows = measurements.map((m) => {
    const base = baseline[m.name]?.median;
    return [
      m.name,
      `${fmt(m.median)} ${m.unit ?? "ms"}`,
      m.p99 === undefined ? "—" : `${fmt(m.p99)} ${m.unit ?? "ms"}`,
      m.reference ? `${m.reference.name}: ${fmt(m.reference.median)} / p99 ${fmt(m.reference.p99)}` : "—",
      m.reference ? `${(m.median / m.reference.median).toFixed(2)}×` : "—",
      base === undefined ? "—" : `${fmt(base)} (${(m.median / base).toFixed(2)}×)`,
    ];
  });
  const header = ["benchmark", "median", "p99", "reference (same run)", "vs reference", "baseline run"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(" | ")} |`;
  process.stdout.write(`${line(header)}\n|${widths.map((w) => "-".repeat(w + 2)).join("|")}|\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
}
