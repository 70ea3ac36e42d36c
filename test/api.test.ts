import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { parseFeed } from "@rowanmanning/feed-parser";
import { Validator } from "@seriousme/openapi-schema-validator";
import CSL from "citeproc";
import ICAL from "ical.js";
import type { Event } from "../src/domain/event.js";
import { buildOpenApiDocument } from "../src/http/openapi.js";
import { writeEvent } from "../src/storage/repos/eventRepo.js";
import { startTestServer } from "./apiServer.js";
import { DIALECTS } from "./testDatabases.js";

type Page = {
  items: (Event & { match?: { snippet: { text: string; marks: number[][] } | null } })[];
  total: number;
  facets: Record<string, Record<string, number>>;
  next: string | null;
};

for (const dialect of DIALECTS)
  describe(`HTTP API over real HTTP (${dialect.name})`, { skip: dialect.skip }, () => {
    let base = "";
    let harness: Awaited<ReturnType<typeof startTestServer>>;
    before(async () => {
      harness = await startTestServer(dialect.create);
      base = harness.server.url;
    });
    after(() => harness.stop());

    const get = (path: string, init?: RequestInit) => fetch(`${base}${path}`, init);
    const page = async (query: string): Promise<Page> => {
      const res = await get(`/api/events?${query}`);
      assert.equal(res.status, 200, await res.clone().text());
      return (await res.json()) as Page;
    };
    const seqs = (p: Page) => p.items.map((e) => e.seq);

    describe("GET /api/events", () => {
      it("lists every event oldest first, with facets", async () => {
        const all = await page("limit=500");
        assert.equal(all.total, 47);
        assert.equal(all.items.length, 47);
        assert.equal(all.next, null);
        const days = all.items.map((e) => e.date.start);
        assert.deepEqual(days, [...days].sort());
        assert.equal(
          Object.values(all.facets.level ?? {}).reduce((a, b) => a + b, 0),
          47,
        );
        assert.equal(all.facets.month?.["2025-09"], 7);
      });

      it("pages to the end with opaque cursors", async () => {
        const ids: string[] = [];
        let cursor: string | null = "";
        let pages = 0;
        while (cursor !== null) {
          const p: Page = await page(`limit=10${cursor ? `&cursor=${cursor}` : ""}`);
          ids.push(...p.items.map((e) => e.id));
          cursor = p.next;
          pages++;
        }
        assert.equal(pages, 5);
        assert.equal(new Set(ids).size, 47);
      });

      it("filters by every filter of aigov list, and combines them", async () => {
        assert.deepEqual(seqs(await page("from=2025-12")), [46, 47]);
        assert.deepEqual(seqs(await page("to=2025-01-21")), [1, 2]);
        assert.deepEqual(seqs(await page("from=2025-02-05&to=2025-02-06")), [4, 5]);
        assert.deepEqual(seqs(await page("jurisdiction=US-CA")), [37]);
        assert.ok(seqs(await page("jurisdiction=us")).includes(37), "US finds its subdivision US-CA");
        assert.deepEqual(seqs(await page("jurisdiction=KR&jurisdiction=VN")), [2, 45, 46]);
        assert.deepEqual(seqs(await page("type=executive_order")), [1, 44, 47]);
        assert.ok((await page("level=subnational")).items.every((e) => e.level === "subnational"));
        assert.ok(
          (await page("bindingness=draft,binding")).items.every((e) =>
            ["draft", "binding"].includes(e.bindingness ?? ""),
          ),
        );
        const both = await page("tag=labeling&tag=transparency");
        assert.ok(both.items.every((e) => e.tags.includes("labeling") && e.tags.includes("transparency")));
        assert.deepEqual(seqs(await page("q=FLOP&jurisdiction=EU")), [25]);
        assert.deepEqual(seqs(await page("sort=-date&limit=2")), [47, 46]);
      });

      it("finds what a reader of the seed expects first, in Chinese and English", async () => {
        const first = async (q: string, n = 1) => seqs(await page(`q=${encodeURIComponent(q)}`)).slice(0, n);
        assert.deepEqual(await first("芯片"), [17]);
        assert.deepEqual(await first("标识"), [8]);
        assert.deepEqual((await first("科技繁荣协议", 2)).sort(), [36, 41]);
        assert.deepEqual((await first("FLOP", 2)).sort(), [25, 37]);
        assert.deepEqual(await first("日本"), [19]);
        assert.deepEqual(await first("GPAI 指南"), [25]);
        assert.deepEqual(await first("export controls"), [17]);
        assert.deepEqual((await first("Korea", 2)).sort(), [2, 45]);
        assert.deepEqual((await first("Technology Prosperity Deal", 2)).sort(), [36, 41]);
        const eu = await page(`q=${encodeURIComponent("欧盟")}&limit=8`);
        assert.ok(eu.items.every((e) => e.jurisdictions.includes("EU") || e.summary.zh?.includes("欧盟")));
        assert.ok(
          eu.items.slice(0, 5).every((e) => e.title.zh?.includes("欧盟")),
          "title matches rank first",
        );
      });

      it("matches across inflections and word prefixes, and marks the match in a snippet", async () => {
        const labelling = seqs(await page("q=labelling"));
        assert.deepEqual(seqs(await page("q=label")).sort(), [...labelling].sort());
        assert.ok(labelling.includes(8));
        assert.ok(seqs(await page("q=regulat")).length > 0);
        const hit = (await page(`q=${encodeURIComponent("芯片")}`)).items[0];
        const snippet = hit?.match?.snippet;
        assert.ok(snippet);
        const [start, end] = snippet.marks[0] as number[];
        assert.equal(snippet.text.slice(start, end), "芯片");
      });
    });

    it("GET /api/events/{id} answers the event or a 404 problem", async () => {
      const res = await get("/api/events/2025-kr-ai-basic-act");
      assert.equal(res.status, 200);
      assert.equal(((await res.json()) as Event).seq, 2);
      const missing = await get("/api/events/no-such-event");
      assert.equal(missing.status, 404);
      assert.equal(missing.headers.get("content-type"), "application/problem+json");
    });

    it("GET /api/jurisdictions and /api/jurisdictions/{code}", async () => {
      const list = (await (await get("/api/jurisdictions")).json()) as {
        items: { code: string; count: number; name: { zh?: string; en?: string } }[];
      };
      const eu = list.items.find((j) => j.code === "EU");
      assert.equal(eu?.name.zh, "欧盟");
      assert.ok((eu?.count ?? 0) >= 10);
      const us = (await (await get("/api/jurisdictions/US")).json()) as {
        subdivisions: string[];
        total: number;
        latest: Event[];
      };
      assert.ok(us.subdivisions.includes("US-CA"));
      assert.equal(us.latest[0]?.seq, 47);
      assert.equal((await get("/api/jurisdictions/XX")).status, 404);
    });

    it("AU means Australia; the African Union is AFRICANUNION", async () => {
      assert.equal((await page("jurisdiction=AU")).total, 0, "no bundled event is Australia's");
      const union = await page("jurisdiction=AFRICANUNION");
      assert.deepEqual(
        union.items.map((e) => e.id),
        ["2025-african-union-continental-ai-strategy"],
      );
      const names = (await (await get("/api/jurisdictions")).json()) as {
        items: { code: string; name: { en?: string } }[];
      };
      assert.equal(names.items.find((j) => j.code === "AFRICANUNION")?.name.en, "African Union");
    });

    it("sends the security headers on every answer: pages, API, errors, assets and cache hits", async () => {
      for (const path of [
        "/?lang=en",
        "/api/events?limit=1",
        "/api/events?limit=1",
        "/nowhere",
        "/assets/app.css",
        "/search?year=x",
      ]) {
        const res = await get(path);
        const csp = res.headers.get("content-security-policy") ?? "";
        assert.match(csp, /script-src 'self'/, path);
        assert.match(csp, /frame-ancestors 'none'/, path);
        assert.doesNotMatch(csp, /unsafe-inline/, path);
        assert.equal(res.headers.get("x-content-type-options"), "nosniff", path);
        assert.equal(res.headers.get("referrer-policy"), "strict-origin-when-cross-origin", path);
      }
    });

    it("pages choose the language from ?lang, then the cookie, then Accept-Language, and never share it", async () => {
      const langOf = async (path: string, headers: Record<string, string>) => {
        const res = await get(path, { headers });
        return { lang: /<html lang="([^"]+)"/.exec(await res.text())?.[1], res };
      };
      const chosen = await langOf("/?lang=en", {});
      assert.equal(chosen.lang, "en");
      assert.match(chosen.res.headers.get("set-cookie") ?? "", /aigov_lang=en/);
      assert.equal((await langOf("/", { "accept-language": "en-GB,en;q=0.9" })).lang, "en");
      const zh = await langOf("/", { "accept-language": "zh-CN,zh;q=0.9,en;q=0.5" });
      assert.equal(zh.lang, "zh-CN");
      assert.match(zh.res.headers.get("cache-control") ?? "", /private/);
      assert.equal((await langOf("/", { "accept-language": "zh-CN", cookie: "aigov_lang=en" })).lang, "en");
      assert.equal(
        (await langOf("/", { "accept-language": "fr" })).lang,
        "zh-CN",
        "Chinese when neither fits",
      );
      // Every internal link keeps the language.
      const html = await (await get("/search?q=AI&lang=en")).text();
      const internal = [...html.matchAll(/href="(\/[^"]*)"/g)]
        .map((m) => (m[1] ?? "").replace(/&amp;/g, "&"))
        .filter((href) => !href.startsWith("/assets/") && !href.startsWith("/api/"));
      assert.ok(internal.length > 10);
      for (const href of internal) assert.match(href, /[?&]lang=(en|zh)/, href);
      assert.equal(
        internal.filter((href) => /lang=zh/.test(href)).length,
        1,
        "only the language switch leaves English",
      );
    });

    it("names tags in the page's language in the facets, chips and event pages", async () => {
      const zh = await (await get("/search?tag=international-cooperation&lang=zh")).text();
      assert.match(zh, /国际合作/);
      assert.ok(!/>\s*international-cooperation\s*</.test(zh), "no slug shown as a label");
      const en = await (await get("/search?lang=en")).text();
      assert.match(en, /international cooperation/);
      assert.match(en, /rules becoming binding/);
    });

    it("answers bad page input with a page, never a 500", async () => {
      for (const path of [
        "/search?jurisdiction=%3Cx%3E&lang=en",
        "/search?sort=evil&q=" + "x".repeat(300),
        "/search?year=abcd",
        "/search?page=-1&from=2025-13",
        "/events/%3Cscript%3E",
        "/chronicle/99999",
        "/chronicle/1800",
      ]) {
        const res = await get(path);
        assert.ok(res.status === 400 || res.status === 404, `${path}: ${res.status}`);
        assert.match(res.headers.get("content-type") ?? "", /text\/html/, path);
        assert.ok(!(await res.text()).includes("<x>"), path);
      }
    });

    it("GET /api/stats counts the whole dataset", async () => {
      const stats = (await (await get("/api/stats")).json()) as Record<string, Record<string, number>> & {
        total: number;
      };
      assert.equal(stats.total, 47);
      for (const key of ["byMonth", "byType", "byLevel", "byBindingness"])
        assert.equal(
          Object.values(stats[key] ?? {}).reduce((a, b) => a + b, 0),
          47,
          key,
        );
    });

    describe("exports, read by real clients", () => {
      it("CSV has a row per event", async () => {
        const res = await get("/api/events.csv?jurisdiction=CN");
        assert.match(res.headers.get("content-type") ?? "", /^text\/csv/);
        const text = await res.text();
        assert.match(text.split("\n")[0] ?? "", /^id,seq,date_start/);
      });

      it("Atom parses with a feed parser, newest first", async () => {
        const feed = parseFeed(await (await get("/api/feed.atom?lang=en")).text());
        assert.equal(feed.items.length, 47);
        assert.match(feed.items[0]?.title ?? "", /Executive Order|executive order/i);
        // Each entry leads to its page on aigov, in the feed's language; the official source is beside it.
        assert.match(feed.items[0]?.url ?? "", /\/events\/2025-us-eo-state-ai-law-preemption\?lang=en$/);
        const atom = await (await get("/api/feed.atom?lang=en&limit=1")).text();
        assert.match(
          atom,
          /<link rel="related" href="https:\/\/www\.whitehouse\.gov\/[^"]+" title="Official source"\/>/,
        );
      });

      it("iCalendar parses with ical.js, with event days and effective dates as all-day events", async () => {
        const parsed = ICAL.parse(await (await get("/api/calendar.ics?lang=en")).text());
        const calendar = new ICAL.Component(parsed);
        const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
        const korea = events.find((e) => e.uid === "2025-kr-ai-basic-act-effective-1@aigov");
        assert.equal(korea?.startDate.toString(), "2026-01-22");
        assert.equal(korea?.startDate.isDate, true);
        const paris = events.find((e) => e.uid === "2025-paris-ai-action-summit-declaration@aigov");
        assert.equal(paris?.startDate.toString(), "2025-02-10");
        assert.equal(paris?.endDate.toString(), "2025-02-12");
      });

      it("CSL-JSON renders a bibliography with citeproc-js", async () => {
        const items = (await (await get("/api/sources.csl.json?lang=en")).json()) as { id: string }[];
        assert.equal(items.length, 58);
        const style = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0" default-locale="en-US">
  <info><title>aigov test</title><id>aigov-test</id><updated>2025-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout>
    <group delimiter=". "><text variable="publisher"/><text variable="title"/><date variable="issued"><date-part name="year"/></date><text variable="URL"/></group>
  </layout></bibliography>
</style>`;
        const locale = `<?xml version="1.0" encoding="utf-8"?><locale xmlns="http://purl.org/net/xbiblio/csl" version="1.0" xml:lang="en-US"><terms/></locale>`;
        const byId = new Map(items.map((item) => [item.id, item]));
        const engine = new CSL.Engine(
          { retrieveLocale: () => locale, retrieveItem: (id: string) => byId.get(id) },
          style,
        );
        engine.updateItems(items.map((item) => item.id));
        const [, entries] = engine.makeBibliography() as [unknown, string[]];
        assert.equal(entries.length, 58);
        assert.ok(entries.some((entry) => entry.includes("European Commission") && entry.includes("2025")));
      });
    });

    it("serves an OpenAPI 3.1 document that validates and matches docs/openapi.json", async () => {
      const document = await (await get("/api/openapi.json")).json();
      const result = await new Validator().validate(document as Parameters<Validator["validate"]>[0]);
      assert.equal(result.valid, true, JSON.stringify(result.errors));
      const committed = JSON.parse(readFileSync(new URL("../docs/openapi.json", import.meta.url), "utf8"));
      assert.deepEqual(committed, buildOpenApiDocument(), "run: node --import tsx scripts/write-openapi.ts");
      const reference = await (await get("/api/docs")).text();
      assert.match(reference, /GET \/api\/events/);
    });

    describe("bad parameters get a 4xx problem document, never a 500", () => {
      const cases: [string, number][] = [
        ["/api/events?from=2025-13", 400],
        ["/api/events?to=yesterday", 400],
        ["/api/events?jurisdiction=!!", 400],
        ["/api/events?type=treaty", 400],
        ["/api/events?level=planetary", 400],
        ["/api/events?bindingness=maybe", 400],
        ["/api/events?tag=Not%20A%20Tag", 400],
        ["/api/events?sort=best", 400],
        ["/api/events?limit=0", 400],
        ["/api/events?limit=501", 400],
        ["/api/events?limit=ten", 400],
        ["/api/events?limit=1.5", 400],
        ["/api/events?cursor=garbage", 400],
        [`/api/events?q=${"x".repeat(201)}`, 400],
        ["/api/events?q=a&q=b", 400],
        ["/api/events?colour=red", 400],
        ["/api/events?lang=fr", 400],
        ["/api/feed.atom?type=treaty", 400],
        ["/api/calendar.ics?from=nope", 400],
        ["/api/events/%3Cscript%3E", 404],
        ["/api/nowhere", 404],
      ];
      for (const [path, status] of cases)
        it(`${path.slice(0, 60)} → ${status}`, async () => {
          const res = await get(path);
          assert.equal(res.status, status);
          assert.equal(res.headers.get("content-type"), "application/problem+json");
          const problem = (await res.json()) as { status: number; detail: string };
          assert.equal(problem.status, status);
          assert.ok(problem.detail.length > 0);
        });
      it("POST → 405", async () => assert.equal((await get("/api/events", { method: "POST" })).status, 405));
    });

    it("supports conditional GET, caching, CORS and compression", async () => {
      const first = await get("/api/events?limit=5");
      const etag = first.headers.get("etag");
      assert.ok(etag);
      assert.match(first.headers.get("cache-control") ?? "", /max-age/);
      assert.equal(first.headers.get("access-control-allow-origin"), "*");
      const again = await get("/api/events?limit=5", { headers: { "if-none-match": etag } });
      assert.equal(again.status, 304);
      for (const encoding of ["br", "gzip"]) {
        const res = await get("/api/events?limit=50", { headers: { "accept-encoding": encoding } });
        assert.equal(res.headers.get("content-encoding"), encoding);
        assert.equal(((await res.json()) as Page).items.length, 47);
      }
    });

    it("renders the web page with data escaped, and sees new data without a restart", async () => {
      const evil = "<script>alert(1)</script>";
      const before = await page("limit=1");
      assert.equal((await page("limit=1")).total, before.total, "served again (from the read cache)");
      await writeEvent(
        harness.db,
        {
          id: "2026-evil",
          seq: null,
          title: { en: `Evil ${evil}` },
          summary: { en: `Body ${evil}` },
          date: { start: "2026-01-01", end: null, precision: "day" },
          jurisdictions: [],
          level: null,
          type: null,
          bindingness: null,
          tags: [],
          sources: [],
          effectiveDates: [],
          relations: [],
          identifiers: [],
          document: null,
        },
        "test",
        new Date().toISOString(),
      );
      // Readers are served from the previous index while the new one builds: wait for it.
      await harness.search.currentIndex();
      await harness.search.settled();
      const html = await (await get("/search?q=evil&lang=en")).text();
      assert.ok(!html.includes(evil));
      assert.ok(html.includes("&lt;script&gt;alert(1)&lt;/script&gt;"));
      for (const path of ["/events/2026-evil?lang=en", "/chronicle/2026?lang=en", "/?lang=zh"]) {
        const pageHtml = await (await get(path)).text();
        assert.ok(!pageHtml.includes(evil), path);
        assert.ok(
          pageHtml.includes("&lt;script&gt;alert(1)&lt;/script&gt;") || pageHtml.includes("\\u003cscript>"),
          path,
        );
      }
      assert.equal((await page("q=evil")).total, 1);
      assert.equal((await page("limit=1")).total, before.total + 1, "a write invalidates cached reads");
    });
  });
