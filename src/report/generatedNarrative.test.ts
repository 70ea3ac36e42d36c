import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Event, type EventInput } from "../domain/event.js";
import type { Language } from "../domain/localizedText.js";
import { buildGeneratedNarrative } from "./generatedNarrative.js";
import { jurisdictionNamer } from "./jurisdictionNames.js";
import type { ReportBlock } from "./reportModel.js";
import { computeStatistics } from "./reportStatistics.js";

const event = (seq: number, input: Partial<EventInput>) =>
  Event.parse({
    id: `e-${seq}`,
    seq,
    title: { zh: `事件${seq}`, en: `Event ${seq}` },
    date: { start: "2025-03-01" },
    ...input,
  });

const events = [
  event(1, {
    level: "national",
    type: "law",
    bindingness: "binding",
    jurisdictions: ["CN"],
    effectiveDates: [{ date: "2025-09-01" }],
  }),
  event(2, {
    date: { start: "2025-05-02" },
    level: "national",
    type: "law",
    bindingness: "draft",
    jurisdictions: ["CN"],
  }),
  event(3, {
    date: { start: "2025-05-20" },
    level: "regional",
    type: "guideline",
    bindingness: "voluntary",
    jurisdictions: ["EU"],
    effectiveDates: [{ date: "2026-08-02", label: { en: "applies" } }],
  }),
  event(4, {
    date: { start: "2025-11" },
    level: "international",
    type: "declaration",
    jurisdictions: ["UN", "CN"],
  }),
];
const period = { from: "2025-01-01", to: "2025-12-31" };
const name = jurisdictionNamer([
  { code: "CN", kind: "country", name: { zh: "中国", en: "China" }, parent: null },
  { code: "EU", kind: "body", name: { zh: "欧盟", en: "European Union" }, parent: null },
]);

function narrative(lang: Language) {
  const sections = buildGeneratedNarrative({
    lang,
    period,
    events,
    numberOf: (e) => e.seq ?? 0,
    statistics: computeStatistics(events, period),
    name,
  });
  const text = (blocks: ReportBlock[]) =>
    blocks.map((b) => (b.kind === "list" ? b.items.join("\n") : b.text)).join("\n");
  return { sections, all: sections.map((s) => `${s.heading}\n${text(s.blocks)}`).join("\n") };
}

describe("buildGeneratedNarrative", () => {
  it("has the seed's parts: summary, international, regional, national, trends", () => {
    const { sections } = narrative("zh");
    assert.deepEqual(
      sections.filter((s) => s.depth === 1).map((s) => s.heading),
      [
        "执行摘要",
        "一、国际层面：国际组织与多边协议",
        "二、地区层面：区域集团",
        "三、国家层面：主权国家",
        "四、发展趋势",
      ],
    );
  });

  it("states only what the records hold, in English", () => {
    const { all } = narrative("en");
    assert.match(
      all,
      /This report covers 1 January 2025 – 31 December 2025: 4 AI-governance events involving 3 countries, regions or international bodies, citing 0 sources\./,
    );
    assert.match(all, /By level: 1 international, 1 regional and 2 national\./);
    assert.match(all, /1 of the 4 events are binding \(25%\); 1 voluntary, 1 draft and 1 unclassified\./);
    assert.match(
      all,
      /The jurisdictions with the most events are China \(3\), European Union \(1\) and UN \(1\)\./,
    );
    assert.match(all, /The busiest month was May 2025 \(2 events\)\./);
    assert.match(all, /1 September 2025: Event 1 \(no\. 1\)/);
    assert.match(all, /2 August 2026 \(applies\): Event 3 \(no\. 3\)/);
    assert.match(all, /November 2025: Event 4 \(UN, China; declaration; no\. 4\)/);
  });

  it("in Chinese, names jurisdictions and counts by quarter", () => {
    const { all } = narrative("zh");
    assert.match(all, /按层级分：国际层面 1 件、地区层面 1 件、国家层面 2 件。/);
    assert.match(
      all,
      /按时间分：第一季度 1 件（有约束力 1 件）、第二季度 2 件（有约束力 0 件）、第四季度 1 件（有约束力 0 件）。/,
    );
    // China's third event sits under the international level: the heading says how many it lists.
    assert.match(all, /1\. 中国（本层级 2 件，共 3 件）/);
    // No word the chronicle importer would take for the chronicle's heading.
    assert.doesNotMatch(all, /大事记|chronicle/i);
  });
});
