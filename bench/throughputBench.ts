import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import autocannon from "autocannon";
import { createApp } from "../src/server/createApp.js";
import { startServer } from "../src/server/nodeServer.js";
import { SearchService } from "../src/search/searchService.js";
import { benchDatabase } from "./benchDatabase.js";
import type { Measurement } from "./harness.js";

const PATHS = ["/api/events?limit=20", `/api/events?q=${encodeURIComponent("欧盟")}&limit=20`, "/api/stats"];

function load(url: string, requests?: autocannon.Request[]): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: 16, duration: 8, requests }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

/** API throughput (autocannon, 16 connections) beside a bare node:http server sending the same bytes. */
export async function benchThroughput(): Promise<Measurement[]> {
  const { db } = await benchDatabase(10_000);
  // As `aigov serve` configures it: the change log's newest number is read at most every 250 ms.
  const search = new SearchService(db, { seqMaxAgeMs: 250 });
  await search.currentIndex();
  const api = await startServer(createApp({ db, search }), { port: 0, host: "127.0.0.1" });
  const measurements: Measurement[] = [];
  for (const path of PATHS) {
    const sample = await fetch(`${api.url}${path}`);
    const body = Buffer.from(await sample.arrayBuffer());
    const type = sample.headers.get("content-type") ?? "application/json";
    const bare = createServer((_req, res) => {
      res.writeHead(200, { "content-type": type, "content-length": body.length });
      res.end(body);
    });
    await new Promise<void>((done) => bare.listen(0, "127.0.0.1", done));
    const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}${path}`;
    const ours = await load(`${api.url}${path}`);
    const reference = await load(bareUrl);
    bare.close();
    measurements.push({
      name: `throughput 10000: GET ${decodeURIComponent(path)}`,
      median: ours.requests.average,
      unit: "req/s",
      reference: { name: "bare node:http, same bytes", median: reference.requests.average },
    });
  }
  // Every request a different page (10,000 cursors, more than the response cache keeps): no cache hits.
  const { encodeCursor } = await import("../src/app/eventsQuery.js");
  let n = 0;
  const uncached: autocannon.Request[] = [
    {
      setupRequest: (req) => ({
        ...req,
        path: `/api/events?limit=20&cursor=${encodeCursor((n++ * 7919) % 10_000)}`,
      }),
    },
  ];
  const sample = Buffer.from(await (await fetch(`${api.url}/api/events?limit=20`)).arrayBuffer());
  const bare = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": sample.length });
    res.end(sample);
  });
  await new Promise<void>((done) => bare.listen(0, "127.0.0.1", done));
  const ours = await load(`${api.url}/api/events`, uncached);
  const reference = await load(
    `http://127.0.0.1:${(bare.address() as AddressInfo).port}/api/events?limit=20`,
  );
  bare.close();
  measurements.push({
    name: "throughput 10000: GET /api/events?limit=20&cursor=… (no cache hits)",
    median: ours.requests.average,
    unit: "req/s",
    reference: { name: "bare node:http, same bytes", median: reference.requests.average },
  });
  await api.close();
  await db.destroy();
  return measurements;
}
