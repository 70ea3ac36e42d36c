import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import type { Event } from "../src/domain/event.js";
import { bundledObligations } from "../src/reference/obligationsData.js";
import { readZip } from "../src/report/readZip.js";
import { openDatabase } from "../src/storage/database.js";
import { type CliResult, fixture, ROOT, runCli, SEED, tempDir } from "./runCli.js";

const BUNDLED = join(ROOT, "data/events/2025-global-ai-governance-report.json");
const ARTIFACTS = join(ROOT, "test-artifacts");

const ok = (result: CliResult) => {
  assert.equal(result.code, 0, result.stderr);
  return result;
};
const listJson = async (db: string, ...filters: string[]) =>
  JSON.parse(ok(await runCli(["list", "--db", db, "--json", ...filters])).stdout) as Event[];
const essentials = (events: Event[], lang: "zh" | "en") =>
  events
    .map((e) => ({ seq: e.seq, title: e.title[lang], date: e.date, sources: e.sources }))
    .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));

describe("aigov report, end to end on temp databases", () => {
  const dir = tempDir();
  const db = join(dir, "bundled.db");
  before(async () => {
    ok(await runCli(["import", BUNDLED, "--db", db]));
  });

  for (const lang of ["zh", "en"] as const) {
    it(`writes a Markdown report that imports back into the same events (${lang})`, async () => {
      const out = join(dir, `report-${lang}.md`);
      ok(await runCli(["report", "--format", "md", "--lang", lang, "--out", out, "--db", db]));
      const other = join(dir, `reimported-${lang}.db`);
      const imported = ok(await runCli(["import", out, "--db", other]));
      assert.match(imported.stdout, /added 47, updated 0, skipped 0/);
      assert.equal(imported.stderr, "");
      assert.deepEqual(essentials(await listJson(other), lang), essentials(await listJson(db), lang));
    });
  }

  it("prints data/corrections beside the events, and the report and exports import back without them", async (t) => {
    // Whatever data/corrections holds at the moment: looked up, not counted.
    const ids = new Set((await listJson(db)).map((e) => e.id));
    const corrections = bundledObligations().corrections.filter((c) => ids.has(c.event));
    if (!corrections.length) return t.skip("data/corrections corrects none of the bundled events");
    const report = join(dir, "corrected-report.md");
    ok(await runCli(["report", "--lang", "en", "--out", report, "--db", db]));
    const md = readFileSync(report, "utf8");
    for (const c of corrections)
      assert.ok(md.includes((c.correction.en ?? c.correction.zh ?? "").replace(/\s+/g, " ")), c.event);
    const other = join(dir, "corrected-report.db");
    const imported = ok(await runCli(["import", report, "--db", other]));
    assert.equal(imported.stderr, "");
    const summaries = (await listJson(other)).map((e) => e.summary.en ?? "");
    assert.ok(summaries.every((summary) => !/^> \*\*Correction|Correction \(/m.test(summary)));
    for (const format of ["json", "jsonl", "csv"]) {
      const out = join(dir, `corrected.${format}`);
      ok(await runCli(["export", "--format", format, "--out", out, "--db", db]));
      const text = readFileSync(out, "utf8");
      for (const c of corrections) assert.ok(text.includes(c.sources[0] as string), `${format}: ${c.event}`);
      const again = join(dir, `corrected-${format}.db`);
      ok(await runCli(["import", out, "--db", again]));
      assert.deepEqual(await listJson(again), await listJson(db));
    }
  });

  it("round-trips a period inside the year, keeping the chronicle's numbers", async () => {
    const out = join(dir, "autumn.md");
    ok(await runCli(["report", "--from", "2025-09", "--to", "2025-10", "--out", out, "--db", db]));
    const other = join(dir, "autumn.db");
    ok(await runCli(["import", out, "--db", other]));
    const events = await listJson(other);
    assert.deepEqual(
      events.map((e) => e.seq).sort((a, b) => (a ?? 0) - (b ?? 0)),
      [31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41],
    );
    assert.deepEqual(
      essentials(events, "zh"),
      essentials(await listJson(db, "--from", "2025-09", "--to", "2025-10"), "zh"),
    );
  });

  it("prints Markdown and HTML to stdout, the seed's structure in order", async () => {
    const md = ok(await runCli(["report", "--db", db])).stdout;
    const order = [
      "2025 年度全球人工智能治理报告",
      "## 目录",
      "## 执行摘要",
      "## 一、",
      "## 二、",
      "## 三、",
      "## 四、",
    ];
    const positions = [
      ...order,
      "## 附：2025 年全球人工智能治理大事记",
      "### 1 月",
      "#### 1. ",
      "### 12 月",
      "[^58]: ",
    ].map((marker) => md.indexOf(marker));
    assert.ok(
      positions.every((p, i) => p >= 0 && (i === 0 || p > (positions[i - 1] ?? 0))),
      positions.join(","),
    );
    assert.equal((md.match(/^### \d{1,2} 月$/gm) ?? []).length, 12);
    assert.equal((md.match(/^\[\^\d+\]: /gm) ?? []).length, 58);
    const html = ok(await runCli(["report", "--format", "html", "--lang", "en", "--db", db])).stdout;
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /<h2>Appendix: Chronicle of AI Governance, 2025<\/h2>/);
  });

  it("reuses the seed's analysis verbatim when the seed's narrative is in the database", async () => {
    const withSeed = join(dir, "seed.db");
    ok(await runCli(["import", SEED, BUNDLED, "--db", withSeed]));
    const md = ok(await runCli(["report", "--db", withSeed])).stdout;
    assert.match(md, /^## 一、跨国治理协议与机构框架：从共识构建走向实施协作$/m);
    assert.match(md, /^### 1\. 欧盟：从立法到生态的体系化建设$/m);
    assert.match(md, /2025 年全球 AI 治理呈现五大趋势：规则强制化/);
  });

  // Each launches a Chromium of its own and spends about half its time waiting on it (start-up, fonts,
  // printing): the two run at once, so that one's waits are the other's work.
  describe("printed by Chromium", { concurrency: true }, () => {
    it("prints a PDF whose text holds every event title, in Chinese glyphs", async () => {
      const out = join(dir, "report.pdf");
      ok(await runCli(["report", "--format", "pdf", "--out", out, "--db", db]));
      assert.equal(readFileSync(out).subarray(0, 5).toString(), "%PDF-");
      const text = spawnSync("pdftotext", ["-enc", "UTF-8", out, "-"], { encoding: "utf8" });
      assert.equal(text.status, 0, text.stderr);
      const squeeze = (s: string) => s.replace(/\s+/g, "");
      const pages = text.stdout.split("\f");
      const all = squeeze(text.stdout);
      const missing = (await listJson(db)).filter((e) => !all.includes(squeeze(e.title.zh ?? "")));
      assert.deepEqual(
        missing.map((e) => e.title.zh),
        [],
      );
      // Page 1 and the chronicle's first page, to look at (test-artifacts/ is not committed).
      mkdirSync(ARTIFACTS, { recursive: true });
      const chronicle = pages.findLastIndex((page) => page.includes("附：2025 年全球人工智能治理大事记")) + 1;
      for (const [page, name] of [
        [1, "report-zh-page-1"],
        [chronicle, "report-zh-chronicle"],
      ] as const) {
        const png = spawnSync("pdftoppm", [
          "-png",
          "-r",
          "60",
          "-f",
          String(page),
          "-l",
          String(page),
          "-singlefile",
          out,
          join(ARTIFACTS, name),
        ]);
        assert.equal(png.status, 0, String(png.stderr));
      }
    });

    it("writes a DOCX with 58 real footnotes, Word headings and all 12 month headings", async () => {
      const out = join(dir, "report.docx");
      ok(await runCli(["report", "--format", "docx", "--out", out, "--db", db]));
      const files = readZip(readFileSync(out));
      const footnotes = files.get("word/footnotes.xml")?.toString("utf8") ?? "";
      assert.equal((footnotes.match(/<w:footnote w:id="[1-9]\d*">/g) ?? []).length, 58);
      const document = files.get("word/document.xml")?.toString("utf8") ?? "";
      assert.match(document, /<w:pStyle w:val="Heading1"\/>/);
      for (let month = 1; month <= 12; month++)
        assert.match(
          document,
          new RegExp(`<w:pStyle w:val="Heading2"/>(?:(?!</w:p>).)*<w:t[^>]*>${month} 月</w:t>`, "s"),
        );
      assert.ok((document.match(/<a:blip r:embed=/g) ?? []).length >= 4);
    });
  });
});

describe("aigov report, periods, filters and bad usage", () => {
  const dir = tempDir();
  const db = join(dir, "mixed.db");
  before(async () => {
    ok(await runCli(["import", BUNDLED, fixture("report-hostile-2024.json"), "--db", db]));
  });

  it("reports on the last calendar year with data by default", async () => {
    const md = ok(await runCli(["report", "--db", db])).stdout;
    assert.match(md, /^2025 年度全球人工智能治理报告$/m);
    assert.doesNotMatch(md, /某国发布法案/);
  });

  it("escapes a hostile title and summary in HTML", async () => {
    const html = ok(
      await runCli(["report", "--format", "html", "--from", "2024", "--to", "2024", "--db", db]),
    ).stdout;
    assert.match(html, /&lt;script&gt;alert\(&#39;x&#39;\)&lt;\/script&gt; 某国发布法案/);
    assert.doesNotMatch(html, /<script|<img|<i>/i);
  });

  it("takes the filters of list", async () => {
    const md = ok(
      await runCli(["report", "--jurisdiction", "CN", "--type", "regulation", "--db", db]),
    ).stdout;
    assert.match(md, /^2025 年度全球人工智能治理报告：中国；法规$/m);
    assert.equal((md.match(/^#### \d+\. /gm) ?? []).length, 2);
  });

  it("needs --out for PDF and DOCX, and says so (exit 2)", async () => {
    for (const format of ["pdf", "docx"]) {
      const result = await runCli(["report", "--format", format, "--db", db]);
      assert.equal(result.code, 2);
      assert.equal(
        result.stderr,
        `error: --format ${format} writes a binary file: give it with --out FILE\n`,
      );
    }
  });

  it("refuses a period longer than the maximum in one line (exit 1), the maximum set by AIGOV_REPORT_MAX_YEARS", async () => {
    const started = Date.now();
    const long = await runCli(["report", "--from", "0001", "--to", "9999", "--db", db]);
    assert.equal(long.code, 1);
    assert.match(
      long.stderr,
      /^error: the period 0001-01-01 to 9999-12-31 spans 9999 years; a report covers at most 50 years/,
    );
    assert.equal(long.stderr.trim().split("\n").length, 1);
    assert.ok(Date.now() - started < 10_000, `answered in ${Date.now() - started} ms`);
    const narrowed = await runCli(["report", "--from", "2024", "--to", "2025", "--db", db], {
      AIGOV_REPORT_MAX_YEARS: "1",
    });
    assert.equal(narrowed.code, 1);
    assert.match(narrowed.stderr, /at most 1 years/);
    ok(
      await runCli(["report", "--from", "2025", "--to", "2025", "--db", db], { AIGOV_REPORT_MAX_YEARS: "1" }),
    );
  });

  it("refuses a period without events (exit 1), a reversed period and an unknown format (exit 2)", async () => {
    const empty = await runCli(["report", "--from", "2019", "--to", "2019", "--db", db]);
    assert.equal(empty.code, 1);
    assert.match(empty.stderr, /^error: no events from 2019-01-01 to 2019-12-31 match/);
    assert.equal((await runCli(["report", "--from", "2025-06", "--to", "2025-03", "--db", db])).code, 2);
    assert.equal((await runCli(["report", "--format", "rtf", "--db", db])).code, 2);
    // An aigov database with no events (read commands no longer create one).
    const emptyDb = await openDatabase({ kind: "sqlite", path: join(dir, "empty.db") }, { create: true });
    await emptyDb.destroy();
    const nothing = await runCli(["report", "--db", join(dir, "empty.db")]);
    assert.equal(nothing.code, 1);
    assert.match(nothing.stderr, /no events to report on/);
  });
});
