import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { createApp } from "../src/server/createApp.js";
import { startServer } from "../src/server/nodeServer.js";
import { SearchService } from "../src/search/searchService.js";
import { benchDatabase } from "./benchDatabase.js";
import { type Measurement, percentile } from "./harness.js";

const run = promisify(execFile);
const SIZE = 60_000;
const CONCURRENT = 4;
const EXPORT = "/api/events.csv";

interface ClientRun {
  probeMs: number[];
  exports: { status: number; bytes: number; ms: number }[];
}

/** Runs the clients (bench/exportClients.ts) in a child process against the server at `base`. */
async function clients(base: string, exportCount: number, probes = 0): Promise<ClientRun> {
  const child = new URL("./exportClients.ts", import.meta.url).pathname;
  const { stdout } = await run(
    process.execPath,
    ["--import", "tsx", child, base, EXPORT, String(exportCount), String(probes)],
    { maxBuffer: 16 << 20 },
  );
  return JSON.parse(stdout) as ClientRun;
}

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
const p99 = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    99,
  );

/**
 * Issue 24: an export must share the server. The latency of a small request (GET /api/events?limit=1)
 * while CSV exports of 60,000 events stream to fast readers, beside the same request on an idle server;
 * and the exports' throughput (events per second), one alone and several at once.
 */
export async function benchExport(): Promise<Measurement[]> {
  const { db } = await benchDatabase(SIZE);
  const search = new SearchService(db, { seqMaxAgeMs: 250 });
  await search.currentIndex();
  const api = await startServer(createApp({ db, search }), {
    port: 0,
    host: "127.0.0.1",
    // The bench's clients share one address: let all of its exports in.
    limits: { maxExports: CONCURRENT, maxExportsPerClient: CONCURRENT },
  });
  const idle = await clients(api.url, 0, 300);
  const alone: number[] = [];
  for (let i = 0; i < 3; i++) alone.push(...(await clients(api.url, 1)).exports.map((e) => e.ms));
  const busy = await clients(api.url, CONCURRENT);
  if (busy.exports.some((e) => e.status !== 200)) throw new Error("an export was refused");
  await api.close();
  await db.destroy();
  const idleProbe = { name: "idle server", median: median(idle.probeMs), p99: p99(idle.probeMs) };
  const wall = Math.max(...busy.exports.map((e) => e.ms));
  return [
    { ...idleProbe, name: "export 60000: probe GET /api/events?limit=1, idle" },
    {
      name: `export 60000: probe GET /api/events?limit=1 beside ${CONCURRENT} CSV exports`,
      median: median(busy.probeMs),
      p99: p99(busy.probeMs),
      reference: idleProbe,
    },
    {
      name: "export 60000: CSV export throughput, one alone",
      median: SIZE / (median(alone) / 1000),
      unit: "events/s",
    },
    {
      name: `export 60000: CSV export throughput, ${CONCURRENT} at once (all events sent)`,
      median: (CONCURRENT * SIZE) / (wall / 1000),
      unit: "events/s",
    },
  ];
}
