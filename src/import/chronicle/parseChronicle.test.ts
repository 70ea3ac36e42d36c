import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { ImportError } from "../importError.js";
import { type ChronicleEvent, parseChronicle } from "./parseChronicle.js";

const SEED = new URL("../../../data/seeds/2025-global-ai-governance-report.zh.txt", import.meta.url);
const fixture = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/${name}`, import.meta.url), "utf8");
const seed = parseChronicle(readFileSync(SEED, "utf8"), "seed.txt");
const event = (seq: number) => seed.events.find((e) => e.seq === seq) as ChronicleEvent;

describe("parseChronicle › the seed", () => {
  it("finds exactly the 47 chronicle events, numbered 1 to 47 in order", () => {
    assert.deepEqual(
      seed.events.map((e) => e.seq),
      Array.from({ length: 47 }, (_, i) => i + 1),
    );
  });

  it("attaches all 58 footnotes, each to its event, in order", () => {
    const notes = seed.events.flatMap((e) => e.sources.map((s) => s.note));
    assert.deepEqual(
      notes,
      Array.from({ length: 58 }, (_, i) => i + 1),
    );
    assert.deepEqual(
      event(43).sources.map((s) => s.note),
      [52, 53, 54],
    );
    assert.ok(seed.events.every((e) => e.sources.every((s) => s.url?.startsWith("http"))));
    assert.deepEqual(seed.warnings, []);
  });

  it("keeps titles as printed", () => {
    assert.equal(event(1).title.zh, "美国发布第 14179 号行政令(消除美国人工智能领导力障碍)");
    assert.equal(
      event(32).title.zh,
      "EDPB 发布首份《数字服务法》（DSA）与《通用数据保护条例》（GDPR）协同适用指南",
    );
    assert.equal(
      event(15).title.zh,
      "中央政治局就人工智能发展与监管进行集体学习 习近平总书记强调推动人工智能健康有序发展",
    );
  });

  it("reads day, month-only, span and year-less dates", () => {
    const dates = Object.fromEntries(seed.events.map((e) => [e.seq, e.date]));
    assert.deepEqual(dates[1], { start: "2025-01-20", end: null, precision: "day" });
    assert.deepEqual(dates[4], { start: "2025-02", end: null, precision: "month" });
    assert.deepEqual(dates[5], { start: "2025-02-04", end: "2025-02-07", precision: "day" });
    assert.deepEqual(dates[7], { start: "2025-02-10", end: "2025-02-11", precision: "day" });
    assert.deepEqual(dates[16], { start: "2025-04", end: null, precision: "month" });
    assert.deepEqual(dates[26], { start: "2025-07-07", end: "2025-07-11", precision: "day" });
    assert.deepEqual(dates[29], { start: "2025-08-25", end: null, precision: "day" });
    assert.deepEqual(dates[34], { start: "2025-09-15", end: null, precision: "day" });
    assert.deepEqual(dates[47], { start: "2025-12-11", end: null, precision: "day" });
  });

  it("stitches sentences broken by a footnote block at a page end", () => {
    assert.match(
      event(3).summary.zh ?? "",
      /发布《国际人工智能安全报告》\(\*International AI Safety Report\*\)，这是/,
    );
    assert.match(event(4).summary.zh ?? "", /模型的访问与共享，同时/);
    assert.match(event(8).summary.zh ?? "", /将面临暂停服务、罚款/);
    assert.match(event(17).summary.zh ?? "", /迫使盟友对齐出口限制。/);
    assert.match(event(25).summary.zh ?? "", /还明确了“通用人工智能模型”的定义/);
    assert.match(event(29).summary.zh ?? "", /电子废物管理和能源需求。/);
    assert.match(event(35).summary.zh ?? "", /并发布了一批重要合作成果。$/);
  });

  it("tells footnote marks from exponents", () => {
    assert.match(event(25).summary.zh ?? "", /训练算力超过 10\^\{23\} FLOP/);
    assert.match(event(37).summary.zh ?? "", /“训练算力 \$\\geq 10\^\{26\}\$ FLOPs”/);
    assert.doesNotMatch(event(43).summary.zh ?? "", /\^\{53/);
    assert.ok(seed.events.every((e) => !/[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(`${e.title.zh}${e.summary.zh}`)));
  });

  it("keeps paragraphs, tables and figure captions inside a summary", () => {
    assert.equal(event(1).summary.zh?.split("\n\n").length, 2);
    assert.match(event(4).summary.zh ?? "", /\n\nFigure 1\. The degrees of data openness$/);
    const table = event(34).summary.zh ?? "";
    assert.match(table, /安全风险与技术应对措施、综合治理措施映射表/);
    assert.match(table, /“自我意识”觉醒、脱离人类控制\t4\.3\.2 \(a\) \(b\) \(c\)$/);
    assert.match(event(25).summary.zh ?? "", /\n\n说明：《通用人工智能模型提供商指南》/);
  });

  it("splits a note into publisher, URL and printed text", () => {
    assert.deepEqual(event(5).sources[0], {
      note: 8,
      publisher: "Arab League Educational, Cultural and Scientific Organization",
      url: "https://www.alecso.org/nsite/en/newscat/4673-%d8%a7%d8%ac%d8%aa%d9%85%d8%a7%d8%b9-%d9%84%d8%ac%d9%86%d8%a9-%d8%b5%d9%8a%d8%a7%d8%ba%d8%a9-%d9%85%d9%8a%d8%ab%d8%a7%d9%82-%d8%a7%d9%84%d8%a3%d9%84%d9%83%d8%b3%d9%88-%d9%84%d8%a3%d8%ae%d9%84%d8%a7%d9%82%d9%8a%d8%a7%d8%aa-%d8%a7%d9%84%d8%b0%d9%83%d8%a7%d8%a1-%d8%a7%d9%84%d8%a7%d8%b5%d8%b7%d9%86%d8%a7%d8%b9%d9%8a-%d8%a8%d9%85%d9%82%d8%b1-%d8%a7%d9%84%d9%85%d9%86%d8%b8%d9%85%d8%a9-2",
      text: "Arab League Educational, Cultural and Scientific Organization. <https://www.alecso.org/nsite/en/newscat/4673-%d8%a7%d8%ac%d8%aa%d9%85%d8%a7%d8%b9-%d9%84%d8%ac%d9%86%d8%a9-%d8%b5%d9%8a%d8%a7%d8%ba%d8%a9-%d9%85%d9%8a%d8%ab%d8%a7%d9%82-%d8%a7%d9%84%d8%a3%d9%84%d9%83%d8%b3%d9%88-%d9%84%d8%a3%d8%ae%d9%84%d8%a7%d9%82%d9%8a%d8%a7%d8%aa-%d8%a7%d9%84%d8%b0%d9%83%d8%a7%d8%a1-%d8%a7%d9%84%d8%a7%d8%b5%d8%b7%d9%86%d8%a7%d8%b9%d9%8a-%d8%a8%d9%85%d9%82%d8%b1-%d8%a7%d9%84%d9%85%d9%86%d8%b8%d9%85%d8%a9-2>",
    });
    assert.deepEqual(event(18).sources[0], {
      note: 21,
      publisher: "中华人民共和国工业和信息化部",
      url: "https://wap.miit.gov.cn/xwfb/bldhd/art/2025/art_b43c3e8cc47c40a395be979fa87ee64e.html",
      text: "中华人民共和国工业和信息化部。 https://wap.miit.gov.cn/xwfb/bldhd/art/2025/art_b43c3e8cc47c40a395be979fa87ee64e.html.",
    });
    assert.equal(event(3).sources[0]?.publisher, null);
    assert.equal(event(4).sources[0]?.url?.endsWith("_23a70dca-en.html"), true);
  });

  it("reads effective dates the text states", () => {
    assert.deepEqual(event(2).effectiveDates, [{ date: "2026-01-22", label: { zh: "全面生效" } }]);
    assert.deepEqual(event(8).effectiveDates, [{ date: "2025-09-01", label: { zh: "全面实施" } }]);
    assert.deepEqual(event(46).effectiveDates, [{ date: "2026-03-01", label: { zh: "生效" } }]);
  });

  it("imports the analysis before the chronicle as narrative, not as events", () => {
    const headings = seed.document.narrative.map((s) => s.heading);
    assert.equal(headings[0], "执行摘要");
    for (const part of ["一、", "二、", "三、", "四、"])
      assert.ok(
        headings.some((h) => h.startsWith(part)),
        part,
      );
    const trends = seed.document.narrative.find((s) => s.heading.startsWith("四、"));
    assert.equal(trends?.paragraphs.filter((p) => /^\d\. /.test(p)).length, 5);
    const iso = seed.document.narrative.flatMap((s) => s.paragraphs).find((p) => p.includes("(ISO)"));
    assert.match(iso ?? "", /AI 可解释性国际标准《ISO\/IEC TS 6254:2025》/);
    assert.equal(seed.document.year, 2025);
    assert.equal(seed.document.title, "2025 年度全球人工智能治理报告");
  });

  it("gives the same ids on every parse", () => {
    const again = parseChronicle(readFileSync(SEED, "utf8"), "seed.txt");
    assert.deepEqual(
      again.events.map((e) => e.id),
      seed.events.map((e) => e.id),
    );
    assert.equal(new Set(seed.events.map((e) => e.id)).size, 47);
  });
});

describe("parseChronicle › other chronicles", () => {
  it("reads a Markdown chronicle of another year with ASCII colons and Markdown footnotes", () => {
    const parsed = parseChronicle(fixture("chronicle-2024-markdown.md"), "x.md");
    assert.deepEqual(
      parsed.events.map((e) => [e.seq, e.date.start, e.sources.map((s) => s.note)]),
      [
        [1, "2024-03-13", [1]],
        [2, "2024-03-21", [2]],
        [3, "2024-05-17", [3, 4]],
      ],
    );
    assert.match(parsed.events[0]?.summary.zh ?? "", /超过 10\^\{25\} FLOP/);
    assert.deepEqual(parsed.events[2]?.effectiveDates, [{ date: "2026-02-01", label: { zh: "生效" } }]);
    assert.equal(parsed.events[2]?.sources[1]?.publisher, "示例出版社");
  });

  it("stitches page breaks, reads year-less and cross-year spans, and keeps lists inside a summary", () => {
    const parsed = parseChronicle(fixture("chronicle-page-breaks.txt"), "p.txt");
    const [first, second, third] = parsed.events;
    assert.equal(parsed.events.length, 3);
    assert.deepEqual(first?.date, { start: "2023-11-01", end: "2023-11-02", precision: "day" });
    assert.match(first?.summary.zh ?? "", /风险开展科学评估，并计划/);
    assert.equal(
      first?.sources[0]?.url,
      "https://www.gov.uk/government/publications/ai-safety-summit-2023-the-bletchley-declaration",
    );
    assert.equal(second?.title.zh, "G7发布广岛进程行为准则");
    assert.deepEqual(
      second?.sources.map((s) => s.note),
      [12],
    );
    assert.match(second?.summary.zh ?? "", /\n\n1\. 第一条。\n\n2\. 第二条。$/);
    assert.deepEqual(third?.date, { start: "2023-12-30", end: "2024-01-02", precision: "day" });
  });

  it("reads an English chronicle: month names, 'Summary:', English dates, a sentence broken by notes", () => {
    const parsed = parseChronicle(fixture("chronicle-2024-english.txt"), "en.txt");
    assert.equal(parsed.document.lang, "en");
    assert.deepEqual(
      parsed.document.narrative.map((s) => s.heading),
      ["Executive summary"],
    );
    const [adopted, colorado] = parsed.events;
    assert.deepEqual([adopted?.date.start, colorado?.date.start], ["2024-03-13", "2024-05-17"]);
    assert.deepEqual(
      colorado?.sources.map((s) => s.note),
      [2],
    );
    assert.match(
      colorado?.summary.en ?? "",
      /must use reasonable care to avoid algorithmic discrimination\.$/,
    );
    assert.deepEqual(
      colorado?.effectiveDates.map((d) => d.date),
      ["2026-02-01"],
    );
    assert.deepEqual(parsed.warnings, []);
  });

  it("reads event numbers past 999", () => {
    const text =
      "附：2025 年大事记\n\n1 月\n\n999. 甲\n\n摘要：2025 年 1 月 2 日，甲。\n\n1000. 乙\n\n摘要：2025 年 1 月 3 日，乙。\n";
    assert.deepEqual(
      parseChronicle(text, "n.txt").events.map((e) => [e.seq, e.title.zh]),
      [
        [999, "甲"],
        [1000, "乙"],
      ],
    );
  });

  it("rejects a chronicle that has no events, naming the line of its heading", () => {
    assert.throws(
      () => parseChronicle(fixture("chronicle-no-events.txt"), "n.txt"),
      (error: unknown) => error instanceof ImportError && error.line === 3 && /no events/.test(error.message),
    );
  });

  it("rejects text that holds no chronicle at all", () => {
    assert.throws(
      () => parseChronicle("Just a note.\nNothing else here.\n", "plain.txt"),
      (error: unknown) => error instanceof ImportError && /no chronicle found/.test(error.message),
    );
  });
});

describe("parseChronicle › date lines", () => {
  const chronicle = (body: string) =>
    `# 报告\n\n## 附：2025 年人工智能治理大事记\n\n${body}\n\n[^1]: Example. <https://example.org/1>.\n`;

  it("takes the date an optional line after the title states, in its own block or on the next line", () => {
    const parsed = parseChronicle(
      chronicle(
        [
          "### 1 月",
          "#### 1. 某国发布人工智能法",
          "日期：2025 年 1 月 20 日",
          "摘要：该国发布人工智能法，将于 2025 年 3 月 1 日起生效。[^1]",
          "2. 某组织发布指南",
          "Date: 2025-01-03 to 2025-01-05",
          "",
          "摘要：该组织发布指南。",
          "### 2 月",
          "#### 3. 某机构成立",
          "",
          "日期：2025 年",
          "",
          "摘要：2025 年 2 月 10 日宣布，机构于今年成立。",
        ].join("\n"),
      ),
      "d.md",
    );
    assert.deepEqual(
      parsed.events.map((e) => [e.seq, e.title.zh, e.date]),
      [
        [1, "某国发布人工智能法", { start: "2025-01-20", end: null, precision: "day" }],
        [2, "某组织发布指南", { start: "2025-01-03", end: "2025-01-05", precision: "day" }],
        [3, "某机构成立", { start: "2025", end: null, precision: "year" }],
      ],
    );
    assert.equal(parsed.events[0]?.summary.zh, "该国发布人工智能法，将于 2025 年 3 月 1 日起生效。");
    assert.equal(parsed.events[2]?.summary.zh, "2025 年 2 月 10 日宣布，机构于今年成立。");
    assert.deepEqual(parsed.warnings, []);
  });

  it("warns about a date line it cannot read and reads the date from the summary instead", () => {
    const parsed = parseChronicle(
      chronicle(
        "### 1 月\n\n#### 1. 某国发布人工智能法\n\n日期：不详\n\n摘要：2025 年 1 月 9 日，该国发布。[^1]",
      ),
      "d.md",
    );
    assert.deepEqual(parsed.events[0]?.date, { start: "2025-01-09", end: null, precision: "day" });
    assert.match(parsed.warnings[0]?.message ?? "", /event 1: its date line holds no date/);
  });
});

describe("parseChronicle › corrections printed by a report", () => {
  const text = (corrections: string[]) =>
    [
      "# 报告",
      "",
      "## 附：2025 年人工智能治理大事记",
      "",
      "### 8 月",
      "",
      "#### 1. 某指南发布",
      "",
      "摘要：2025 年 8 月 2 日，该指南正式生效，自 2026 年 1 月 1 日起施行[^1]",
      "",
      ...corrections.flatMap((line) => [line, ""]),
      "#### 2. 另一事件",
      "",
      "摘要：2025 年 8 月 5 日，另一事件。",
      "",
      "[^1]: Example. <https://example.org/1>.",
    ].join("\n");
  const withoutLines = (events: ChronicleEvent[]) => events.map(({ line: _line, ...event }) => event);

  it("leaves a correction after the summary out of the event, even after a summary that ends mid-sentence", () => {
    const plain = parseChronicle(text([]), "plain.md");
    const corrected = parseChronicle(
      text([
        "> **更正（摘要）**：该指南于 2025 年 7 月 18 日发布，不具约束力，自 2025 年 9 月 1 日起无所谓施行。（已对照官方文本；来源：<https://example.org/record>）",
        "> **Correction (date):** Published on 18 July 2025. (checked against the official text; source: <https://example.org/record>)",
      ]),
      "c.md",
    );
    assert.deepEqual(corrected.warnings, []);
    assert.deepEqual(withoutLines(corrected.events), withoutLines(plain.events));
    assert.equal(
      corrected.events[0]?.summary.zh,
      "2025 年 8 月 2 日，该指南正式生效，自 2026 年 1 月 1 日起施行",
    );
    assert.equal(plain.events[0]?.effectiveDates.length, 1, "the summary's own effective date is read");
  });
});
