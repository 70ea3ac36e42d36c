import { execFileSync, spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { createApp } from "../src/server/createApp.js";
import { startServer } from "../src/server/nodeServer.js";
import { SearchService } from "../src/search/searchService.js";
import { followChanges } from "../src/storage/changeFeed.js";
import { copyDatabase } from "../src/storage/copyDatabase.js";
import { type Database, openDatabase } from "../src/storage/database.js";
import { Event } from "../src/domain/event.js";
import { countEvents, lockForWriting, writeEvents } from "../src/storage/repos/eventRepo.js";
import { benchDatabase } from "./benchDatabase.js";
import { type Measurement, percentile, timeRuns } from "./harness.js";
import { QUERY_MIX } from "./searchBench.js";

const ROOT = new URL("..", import.meta.url).pathname;
/** Events in the scale benchmarks: 1M; `AIGOV_BENCH_SCALE_SIZE` makes a smaller run. */
const SIZE = Number(process.env.AIGOV_BENCH_SCALE_SIZE ?? 1_000_000);
/** A PostgreSQL server for the search mix on PostgreSQL (the database is made once and kept). */
const POSTGRES_URL = process.env.AIGOV_BENCH_POSTGRES_URL ?? "";
const WRITES = 10;

/** A full build from scratch in its own process: time and peak memory. */
function benchFullBuild(path: string): Measurement[] {
  process.stderr.write(`  building the index of ${SIZE} events from scratch…\n`);
  const output = execFileSync(
    process.execPath,
    ["--import", "tsx", join(ROOT, "bench/buildChild.ts"), path],
    {
      encoding: "utf8",
    },
  );
  const { buildSeconds, maxRssMb } = JSON.parse(output) as { buildSeconds: number; maxRssMb: number };
  return [
    { name: `scale ${SIZE}: full index build`, median: buildSeconds * 1000 },
    { name: `scale ${SIZE}: full index build, peak RSS`, median: maxRssMb, unit: "MB" },
  ];
}

/** Resident memory of a process from /proc: the whole set, its anonymous and file-backed parts, and the peak (MB). */
function residentMemory(pid: number): { rss: number; anon: number; file: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const mb = (field: string) =>
    Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN) / 1024;
  return { rss: mb("VmRSS"), anon: mb("RssAnon"), file: mb("RssFile"), peak: mb("VmHWM") };
}

/**
 * `aigov serve` on the database: start time, and resident memory once listening and after the query mix.
 * `start` tells which start: "snapshot" loads the saved index (a warm start); "build" removes the
 * snapshot first, so that serve indexes every event (a first start, which saves the snapshot again).
 */
async function benchServeMemory(path: string, start: "snapshot" | "build"): Promise<Measurement[]> {
  if (start === "build") rmSync(`${path}.search-index`, { force: true });
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(ROOT, "src/cli/main.ts"), "serve", "--port", "0", "--db", path],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const found = /events at (http:\/\/\S+?)\/ /.exec(out)?.[1];
        if (found) resolve(found);
      });
      child.once("exit", (code) => reject(new Error(`serve exited with ${code}`)));
    });
    const startSeconds = (performance.now() - started) / 1000;
    const pid = child.pid as number;
    const listening = residentMemory(pid);
    for (const query of QUERY_MIX)
      for (let i = 0; i < 5; i++)
        await (
          await fetch(
            `${url}/api/events?q=${encodeURIComponent(query.q)}&limit=20&facets=true${query.params ? `&${query.params}` : ""}`,
          )
        ).arrayBuffer();
    for (const page of ["/", "/search?q=%E6%AC%A7%E7%9B%9F", "/map", "/charts"])
      await (await fetch(`${url}${page}`)).arrayBuffer();
    const mixed = residentMemory(pid);
    // The split tells the process's own memory from the database pages it has mapped (which the system
    // takes back when it needs them): what to look at when the total moves.
    process.stderr.write(
      `  serve (${start}): listening ${listening.rss.toFixed(0)} MB (anonymous ${listening.anon.toFixed(0)}, file ${listening.file.toFixed(0)}); ` +
        `after the mix ${mixed.rss.toFixed(0)} MB (anonymous ${mixed.anon.toFixed(0)}, file ${mixed.file.toFixed(0)})\n`,
    );
    const how = start === "snapshot" ? "snapshot" : "built";
    return [
      { name: `scale ${SIZE}: aigov serve, start to listening (${how})`, median: startSeconds * 1000 },
      {
        name: `scale ${SIZE}: aigov serve, resident memory once listening (${how})`,
        median: listening.rss,
        unit: "MB",
      },
      {
        // The warm start's rows keep their names of before, so that they stay beside their baseline.
        name: `scale ${SIZE}: aigov serve, resident memory after the query mix${start === "build" ? " (built)" : ""}`,
        median: mixed.rss,
        unit: "MB",
      },
      {
        name: `scale ${SIZE}: aigov serve, peak resident memory${start === "build" ? " (built)" : ""}`,
        median: mixed.peak,
        unit: "MB",
      },
    ];
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => (child.exitCode === null ? child.once("exit", resolve) : resolve(null)));
  }
}

/**
 * One event written by another connection (as another process would), until a search through a
 * server's SearchService finds it: the service follows the change log as `serve` does.
 */
async function benchWriteToSearchable(path: string): Promise<Measurement[]> {
  const reader = await openDatabase({ kind: "sqlite", path }, { create: false });
  const writer = await openDatabase({ kind: "sqlite", path }, { create: false });
  const search = new SearchService(reader, { snapshotPath: `${path}.search-index` });
  await search.currentIndex();
  const feed = await followChanges(
    { kind: "sqlite", path },
    () => void search.refresh().catch(() => undefined),
  );
  const latencies: number[] = [];
  try {
    for (let i = 0; i < WRITES; i++) {
      const word = `benchprobe${Date.now().toString(36)}x${i}`;
      const event = Event.parse({
        id: `bench-probe-${word}`,
        title: { en: `Probe ${word}` },
        // Dated before every synthetic event (2016 on): the probes stay in the kept database, and a newest
        // date would make them the home page's whole newest year in the web suite.
        date: { start: "2015-01-01" },
      });
      await writer.transaction().execute(async (trx) => {
        await lockForWriting(trx);
        await writeEvents(trx, [event], "benchmark", new Date().toISOString());
      });
      const committed = performance.now();
      for (;;) {
        const found = await search.search({ q: word, filter: {}, limit: 1 });
        if (found.total === 1) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      latencies.push(performance.now() - committed);
    }
  } finally {
    await feed.close();
    await reader.destroy();
    await writer.destroy();
  }
  latencies.sort((a, b) => a - b);
  return [
    {
      name: `scale ${SIZE}: one event written by another connection, until search finds it`,
      median: percentile(latencies, 50),
      p99: percentile(latencies, 99),
    },
  ];
}

/** The HTTP search mix over a database: every query's latencies, with facets, uncached. */
async function searchMix(db: Database): Promise<number[]> {
  const search = new SearchService(db);
  await search.currentIndex();
  const server = await startServer(createApp({ db, search, responseCache: false }), {
    port: 0,
    host: "127.0.0.1",
  });
  const all: number[] = [];
  try {
    for (const query of QUERY_MIX) {
      const url = `${server.url}/api/events?q=${encodeURIComponent(query.q)}&limit=20${query.params ? `&${query.params}` : ""}`;
      all.push(...(await timeRuns(async () => (await fetch(url)).arrayBuffer(), 20)));
    }
  } finally {
    await server.close();
  }
  return all.sort((a, b) => a - b);
}

/** The search mix on PostgreSQL beside the same on SQLite (the PostgreSQL copy is made by `aigov migrate`'s code, once). */
async function benchPostgresMix(path: string): Promise<Measurement[]> {
  if (!POSTGRES_URL) {
    process.stderr.write("  AIGOV_BENCH_POSTGRES_URL is not set: the PostgreSQL search mix is skipped\n");
    return [];
  }
  const url = new URL(POSTGRES_URL);
  url.pathname = `/aigov_bench_${SIZE}`;
  const admin = new (await import("pg")).default.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  const exists = (await admin.query("select 1 from pg_database where datname = $1", [`aigov_bench_${SIZE}`]))
    .rowCount;
  if (!exists) await admin.query(`create database aigov_bench_${SIZE}`);
  await admin.end();
  const sqlite = await openDatabase({ kind: "sqlite", path }, { create: false });
  const postgres = await openDatabase({ kind: "postgres", url: url.toString() });
  const measurements: Measurement[] = [];
  try {
    // Copied once: later runs reuse it (the SQLite database gains the write probes, which do not matter).
    if ((await countEvents(postgres)) === 0) {
      process.stderr.write(`  copying ${SIZE} events to PostgreSQL…\n`);
      const started = performance.now();
      await copyDatabase(sqlite, postgres);
      measurements.push({
        name: `scale ${SIZE}: aigov migrate SQLite → PostgreSQL`,
        median: performance.now() - started,
      });
    }
    const onSqlite = await searchMix(sqlite);
    const onPostgres = await searchMix(postgres);
    measurements.push({
      name: `scale ${SIZE}: search mix over HTTP on PostgreSQL`,
      median: percentile(onPostgres, 50),
      p99: percentile(onPostgres, 99),
      reference: { name: "same on SQLite", median: percentile(onSqlite, 50), p99: percentile(onSqlite, 99) },
    });
  } finally {
    await sqlite.destroy();
    await postgres.destroy();
  }
  return measurements;
}

/** At a million events: a full index build, serve's memory (first and warm start), write-to-searchable, and PostgreSQL's search mix. */
export async function benchScale(): Promise<Measurement[]> {
  const { db, path } = await benchDatabase(SIZE);
  await db.destroy();
  return [
    ...benchFullBuild(path),
    // The first start builds the index (and saves its snapshot); the second loads that snapshot.
    ...(await benchServeMemory(path, "build")),
    ...(await benchServeMemory(path, "snapshot")),
    ...(await benchWriteToSearchable(path)),
    ...(await benchPostgresMix(path)),
  ];
}
