import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Hono } from "hono";
import type { Browser } from "playwright-core";
import { startInProcessApp } from "../../../test/inProcessApp.js";
import { launchChromium } from "../../report/chromium.js";
import { ChromiumPool } from "../../report/chromiumPool.js";
import { SearchService } from "../../search/searchService.js";
import type { Database } from "../../storage/database.js";
import { type AigovApp, createApp } from "../../server/createApp.js";
import { buildServices } from "../../app/appServices.js";
import { reportRoutes } from "./reportRoutes.js";
import { problemResponse } from "../apiRoutes.js";
import { registerEndpoints } from "../registerEndpoints.js";

/** A browser that prints every PDF at once as the same few bytes. */
function instantBrowser(): Browser {
  const page = {
    route: async () => {},
    setContent: async () => {},
    emulateMedia: async () => {},
    pdf: async () => Buffer.from("%PDF-1.7 test"),
    close: async () => {},
  };
  const browser = { on: () => browser, newPage: async () => page, close: async () => {} };
  return browser as unknown as Browser;
}

/** A browser whose pages never open: a render that hangs until its browser is closed. */
function hangingBrowser(): Browser {
  const browser = {
    on: () => browser,
    newPage: () => new Promise(() => {}),
    newContext: () => new Promise(() => {}),
    close: async () => {},
  };
  return browser as unknown as Browser;
}

describe("GET /api/report › bounded work", () => {
  let db: Database;
  let app: AigovApp;
  let stop: () => Promise<void>;
  before(async () => {
    ({ app, db, stop } = await startInProcessApp({ responseCache: false }));
  });
  after(() => stop());

  /** The report route alone, with the browsers given, and the API's answer to errors. */
  const reportApp = (browsers: ChromiumPool) => {
    const hono = new Hono();
    hono.onError((error, c) => problemResponse(error, c.req.raw));
    const services = buildServices({ db, search: new SearchService(db) }, () => "http://localhost");
    registerEndpoints(hono, reportRoutes, { services, browsers: browsers.run, openApiJson: "{}" });
    return hono;
  };

  it("refuses 0001 to 9999 at once with a 400 naming from and to", async () => {
    const started = Date.now();
    const res = await app.hono.request("/api/report?from=0001&to=9999&format=md");
    assert.ok(Date.now() - started < 2_000, `answered in ${Date.now() - started} ms`);
    assert.equal(res.status, 400);
    assert.match(res.headers.get("content-type") ?? "", /application\/problem\+json/);
    const problem = (await res.json()) as { detail: string; errors: { parameter: string }[] };
    assert.deepEqual(
      problem.errors.map((e) => e.parameter),
      ["from", "to"],
    );
    assert.match(problem.detail, /at most 50 years/);
    const fromOnly = await app.hono.request("/api/report?from=0001&format=md");
    assert.equal(fromOnly.status, 400);
    const names = ((await fromOnly.json()) as { errors: { parameter: string }[] }).errors;
    assert.deepEqual(
      names.map((e) => e.parameter),
      ["from"],
    );
  });

  it("counts a period within the maximum only over the months the data holds", async () => {
    const res = await app.hono.request("/api/report?from=1990&to=2039&format=html&lang=en");
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /1 January 1990 – 31 December 2039/);
    // The bundled data is 2025's: the chart of events per month draws its twelve months, not 600.
    assert.match(html, />Dec</);
    assert.doesNotMatch(html, />1990-01</);
  });

  it("refuses the same period on the reports page, as a visible error, not a 13 MB page", async () => {
    const res = await app.hono.request("/reports?from=0001&to=9999&preview=1&lang=en");
    assert.equal(res.status, 400);
    const page = await res.text();
    assert.ok(page.length < 100_000, `${page.length} characters`);
    assert.match(page, /role="alert"[^]*at most 50 years/);
  });

  it("holds the page and the API to one configured maximum, read once by the app", async () => {
    const short = createApp({
      db,
      search: new SearchService(db),
      versionMaxAgeMs: 0,
      responseCache: false,
      reportMaxYears: 2,
    });
    const api = await short.hono.request("/api/report?from=2020&to=2025&format=md");
    assert.equal(api.status, 400);
    assert.match(await api.text(), /at most 2 years/);
    const page = await short.hono.request("/reports?from=2020&to=2025&preview=1&lang=en");
    assert.equal(page.status, 400);
    assert.match(await page.text(), /role="alert"[^]*at most 2 years/);
    const within = await short.hono.request("/reports?from=2025-01&to=2025-12&preview=1&lang=en");
    assert.equal(within.status, 200);
  });

  it("refuses a malformed AIGOV_REPORT_MAX_YEARS when the app is made, naming it", () => {
    const saved = process.env.AIGOV_REPORT_MAX_YEARS;
    process.env.AIGOV_REPORT_MAX_YEARS = "lots";
    try {
      assert.throws(
        () => createApp({ db, search: new SearchService(db), responseCache: false }),
        /AIGOV_REPORT_MAX_YEARS: expected a whole number from 1 to 1000, got "lots"/,
      );
    } finally {
      if (saved === undefined) delete process.env.AIGOV_REPORT_MAX_YEARS;
      else process.env.AIGOV_REPORT_MAX_YEARS = saved;
    }
  });

  it("prints concurrent PDFs and DOCX with one shared Chromium", async () => {
    let launches = 0;
    const chromium = new ChromiumPool({ size: 1, queueLength: 4, timeoutMs: 60_000 }, () => {
      launches++;
      return launchChromium();
    });
    try {
      const hono = reportApp(chromium);
      const answers = await Promise.all(
        ["pdf", "docx", "pdf"].map((format) => hono.request(`/api/report?format=${format}&lang=en`)),
      );
      assert.deepEqual(
        answers.map((r) => r.status),
        [200, 200, 200],
      );
      assert.equal((await answers[0]?.arrayBuffer())?.byteLength !== 0, true);
      assert.equal(launches, 1);
    } finally {
      await chromium.close();
    }
  });

  it("answers 503 with Retry-After when every browser is busy and the queue is full", async () => {
    const chromium = new ChromiumPool({ size: 1, queueLength: 1, timeoutMs: 60_000 }, async () =>
      hangingBrowser(),
    );
    const started = Date.now();
    const hono = reportApp(chromium);
    const running = hono.request("/api/report?format=pdf");
    const queued = hono.request("/api/report?format=docx");
    // Both wait on the pool (a report is read and laid out first): then one more is one too many.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const refused = await hono.request("/api/report?format=pdf");
    assert.equal(refused.status, 503);
    assert.match(refused.headers.get("retry-after") ?? "", /^\d+$/);
    assert.match(((await refused.json()) as { detail: string }).detail, /busy/);
    await chromium.close();
    assert.deepEqual(
      (await Promise.all([running, queued])).map((r) => r.status),
      [503, 503],
    );
    assert.ok(Date.now() - started < 5_000, "closing the pool ends the renders it runs");
  });

  it("answers 503 for a render past the timeout and frees its slot for the next", async () => {
    const browsers = [hangingBrowser(), instantBrowser()];
    const chromium = new ChromiumPool({ size: 1, queueLength: 1, timeoutMs: 1_000 }, async () => {
      const next = browsers.shift();
      assert.ok(next, "no more than two browsers");
      return next;
    });
    try {
      const hono = reportApp(chromium);
      const started = Date.now();
      const stuck = await hono.request("/api/report?format=pdf");
      assert.equal(stuck.status, 503);
      assert.ok(Date.now() - started < 5_000, `answered in ${Date.now() - started} ms`);
      assert.match(((await stuck.json()) as { detail: string }).detail, /longer than 1000 ms/);
      const next = await hono.request("/api/report?format=pdf");
      assert.equal(next.status, 200);
      assert.equal(Buffer.from(await next.arrayBuffer()).toString(), "%PDF-1.7 test");
      assert.equal(chromium.launches, 2);
    } finally {
      await chromium.close();
    }
  });
});
