import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { buildClient } from "../scripts/build-client.mjs";
import { createApp } from "../src/server/createApp.js";
import { startServer } from "../src/server/nodeServer.js";
import { SearchService } from "../src/search/searchService.js";
import { benchDatabase } from "./benchDatabase.js";
import { type Measurement, percentile, timeRuns } from "./harness.js";

const SIZES = (process.env.BENCH_SIZES ?? "10000,100000,1000000").split(",").map(Number);
const RUNS = 30;

/** The gzip size of the scripts a page loads (its `<script src>`s, fetched from the same server). */
async function scriptBytes(base: string, html: string): Promise<number> {
  let bytes = 0;
  for (const match of html.matchAll(/<script src="([^"]+)"/g)) {
    const body = Buffer.from(await (await fetch(`${base}${match[1]}`)).arrayBuffer());
    bytes += gzipSync(body).length;
  }
  return bytes;
}

/**
 * The web app per size: server time of the home page, a search page and an event page (loopback, the
 * response cache off, so every request renders), the JavaScript each loads (gzip bytes), and the home
 * page's first contentful paint in Chromium.
 */
export async function benchWeb(): Promise<Measurement[]> {
  await buildClient();
  const measurements: Measurement[] = [];
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true });
  try {
    for (const size of SIZES) {
      const { db, path } = await benchDatabase(size);
      const search = new SearchService(db, { snapshotPath: `${path}.search-index` });
      await search.currentIndex();
      const server = await startServer(createApp({ db, search, responseCache: false }), {
        port: 0,
        host: "127.0.0.1",
      });
      const newest = await search.search({ filter: {}, sort: "-date", limit: 1 });
      const eventId = newest.hits[0]?.event.id ?? "";
      const views = [
        { name: "home", path: "/?lang=zh" },
        { name: "search 欧盟", path: `/search?q=${encodeURIComponent("欧盟")}&lang=zh` },
        { name: "event page", path: `/events/${eventId}?lang=zh` },
      ];
      for (const view of views) {
        const url = `${server.url}${view.path}`;
        let html = "";
        const durations = await timeRuns(async () => {
          const res = await fetch(url, { headers: { "accept-encoding": "gzip" } });
          html = await res.text();
          if (res.status !== 200) throw new Error(`${view.path}: ${res.status}`);
        }, RUNS);
        measurements.push({
          name: `web ${size}: ${view.name} server time`,
          median: percentile(durations, 50),
          p99: percentile(durations, 99),
        });
        measurements.push({
          name: `web ${size}: ${view.name} JavaScript (gzip)`,
          median: (await scriptBytes(server.url, html)) / 1024,
          unit: "KB",
        });
      }
      const paints: number[] = [];
      for (let i = 0; i < 7; i++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${server.url}/?lang=zh`, { waitUntil: "load" });
        // Chromium may record the paint after "load": wait for the entry (a page that never paints: NaN).
        const fcp = await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              type Entry = { name: string; startTime: number };
              const browser = globalThis as unknown as {
                PerformanceObserver: new (callback: (list: { getEntries(): Entry[] }) => void) => {
                  observe(options: { type: string; buffered: boolean }): void;
                };
              };
              new browser.PerformanceObserver((list) => {
                const paint = list.getEntries().find((e) => e.name === "first-contentful-paint");
                if (paint) resolve(paint.startTime);
              }).observe({ type: "paint", buffered: true });
              setTimeout(() => resolve(Number.NaN), 5000);
            }),
        );
        paints.push(fcp);
        await context.close();
      }
      paints.sort((a, b) => a - b);
      measurements.push({
        name: `web ${size}: home first contentful paint (Chromium)`,
        median: percentile(paints, 50),
        p99: percentile(paints, 99),
      });
      await server.close();
      await db.destroy();
    }
  } finally {
    await browser.close();
  }
  return measurements;
}
