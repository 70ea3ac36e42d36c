import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Correction } from "../src/domain/correction.js";
import type { Event } from "../src/domain/event.js";
import type { AigovApp } from "../src/server/createApp.js";
import { readBundledDataset } from "../src/import/bundledDataset.js";
import { bundledObligations } from "../src/reference/obligationsData.js";
import { startInProcessApp } from "./inProcessApp.js";

// The corrections come from the app context, not from data/corrections (which others edit): the views
// must show exactly these, and none of the bundled ones.
const events = readBundledDataset().events;
const corrected = events.find((e) => e.summary.en && e.summary.zh && e.bindingness && e.jurisdictions.length);
const undated = events.find((e) => e !== corrected && !e.effectiveDates.length);
assert.ok(corrected && undated, "the bundled dataset has the events these tests need");
const bundledOnly = bundledObligations()
  .corrections.map((c) => c.event)
  .find((id) => id !== corrected.id && id !== undated.id);

const correction = (event: Event, field: Correction["field"], en: string, zh: string) =>
  Correction.parse({
    event: event.id,
    field,
    claim: { zh: `原文：${field}`, en: `the text on the ${field}` },
    correction: { zh, en },
    verification: field === "date" ? "secondary" : "official",
    sources: ["https://example.org/record?a=1&b=2", "https://example.org/gazette"],
  });
const CORRECTIONS = [
  correction(corrected, "title", "The title names the wrong act.", "标题所称法案有误。"),
  correction(corrected, "date", "It was signed two days later.", "实际签署日期晚两天。"),
  correction(
    corrected,
    "summary",
    `The record says <script>alert("x")</script> otherwise.`,
    "官方记录另有说法。",
  ),
  correction(corrected, "bindingness", "It binds only public bodies.", "仅约束公共机构。"),
  correction(undated, "effectiveDates", "It takes effect on 1 January 2026.", "于 2026 年 1 月 1 日生效。"),
];

/** The markup between the first `from` at or after `start` and the next `to` after it. */
const between = (text: string, from: string, to: string, start = 0) => {
  const i = text.indexOf(from, start);
  assert.ok(i >= 0, `no ${from}`);
  const j = text.indexOf(to, i + from.length);
  return text.slice(i, j < 0 ? undefined : j);
};
/** The card (server-rendered) that links to an event's page. */
const cardOf = (page: string, id: string) => {
  const cards = page.split('<article class="event-card">').slice(1);
  const card = cards.find((c) => c.includes(`href="/events/${id}?`));
  assert.ok(card, `a card for ${id}`);
  return card.slice(0, card.indexOf("</article>"));
};

describe("corrections beside the fields they correct (API and web, from the app context)", () => {
  let app: AigovApp;
  let stop: () => Promise<void>;
  before(async () => {
    ({ app, stop } = await startInProcessApp({
      obligations: { ...bundledObligations(), corrections: CORRECTIONS },
    }));
  });
  after(() => stop());

  const get = async (path: string) => {
    const res = await app.hono.request(path);
    assert.equal(res.status, 200, path);
    return res;
  };
  const text = async (path: string) => (await get(path)).text();

  it("puts the context's corrections on the event's JSON, without their event id, and no others", async () => {
    const json = (await (await get(`/api/events/${corrected.id}`)).json()) as Event & {
      corrections: unknown[];
    };
    assert.deepEqual(
      json.corrections,
      CORRECTIONS.filter((c) => c.event === corrected.id).map(({ event: _event, ...rest }) => rest),
    );
    assert.equal(json.summary.en, corrected.summary.en, "the imported text stays as imported");
    if (bundledOnly) {
      const other = (await (await get(`/api/events/${bundledOnly}`)).json()) as object;
      assert.ok(!("corrections" in other), "a bundled correction the context leaves out is not shown");
    }
    const page = (await (await get("/api/events?limit=500")).json()) as {
      items: (Event & { corrections?: unknown[] })[];
    };
    const byId = new Map(page.items.map((e) => [e.id, e]));
    assert.equal(byId.get(corrected.id)?.corrections?.length, 4);
    assert.equal(byId.get(undated.id)?.corrections?.length, 1);
    assert.equal(
      page.items.filter((e) => e.corrections).length,
      2,
      "only the corrected events carry corrections",
    );
  });

  it("shows each correction on the event page right after its field, escaped, in the page's language", async () => {
    const page = await text(`/events/${corrected.id}?lang=en`);
    const article = between(page, '<article class="event-page">', "</article>");
    const title = between(article, "<h1>", '<dl class="event-facts">');
    assert.match(title, /Correction \(title\): <\/strong\s*><span lang="en">The title names the wrong act\./);
    const facts = between(article, '<dl class="event-facts">', "</dl>");
    assert.match(
      between(facts, "<dt>Date</dt>", "<dt>"),
      /Correction \(date\): .*It was signed two days later\./s,
    );
    assert.match(
      between(facts, "<dt>Date</dt>", "<dt>"),
      /checked against secondary sources only · sources: <a href="https:\/\/example\.org\/record\?a=1&amp;b=2"[^>]*>\[1\]<\/a> <a[^>]*>\[2\]<\/a>/,
    );
    assert.match(between(facts, "<dt>Bindingness</dt>", "</dd>"), /It binds only public bodies\./);
    const summary = between(article, '<div class="summaries">', '<section class="cite"');
    assert.match(summary, /Correction \(summary\): .*&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;/s);
    assert.ok(!page.includes('<script>alert("x")'), "the correction's text is escaped");
    assert.ok(!page.includes("corrections-heading"), "no separate section at the end any more");
    assert.deepEqual(
      [...article.matchAll(/id="(correction-\d+)"/g)].map((m) => m[1]),
      ["correction-1", "correction-2", "correction-4", "correction-3"],
      "numbered in the data's order, placed in the page's",
    );
    const zh = await text(`/events/${corrected.id}?lang=zh`);
    assert.match(
      between(zh, "<h1>", '<dl class="event-facts">'),
      /更正（标题）：<\/strong\s*><span lang="zh-CN">标题所称法案有误。/,
    );
    assert.match(zh, /更正（约束力）：/);
    assert.match(zh, /已对照官方文本 · 来源：/);
  });

  it("shows the row of a field the import left empty when a correction fills it", async () => {
    const page = await text(`/events/${undated.id}?lang=en`);
    const row = between(page, "<dt>Effective dates</dt>", "</dd>");
    assert.match(row, /—/);
    assert.match(row, /Correction \(effective dates\): .*It takes effect on 1 January 2026\./s);
  });

  it("puts a “Corrected:” line beside each corrected field of a search result's card, linking to the note", async () => {
    const q = encodeURIComponent(corrected.title.en ?? corrected.title.zh ?? "");
    const card = cardOf(await text(`/search?q=${q}&lang=en`), corrected.id);
    const meta = between(card, '<p class="event-card__meta">', 'class="event-card__title"');
    assert.match(
      meta,
      /data-field="date".*Corrected: <\/strong\s*><a href="\/events\/[^"]+#correction-2" lang="en">It was signed/s,
    );
    assert.match(meta, /data-field="bindingness"/);
    const underTitle = between(card, 'class="event-card__title"', 'class="event-card__s');
    assert.match(underTitle, /data-field="title".*#correction-1" lang="en">The title names the wrong act\./s);
    const afterSummary = card.slice(card.search(/class="event-card__s(ummary|nippet)"/));
    assert.match(
      afterSummary,
      /data-field="summary".*#correction-3" lang="en">The record says &lt;script&gt;/s,
    );
    assert.ok(!card.includes("<script>"));
  });

  it("shows the same lines on the chronicle's cards and the jurisdiction's timeline, in Chinese too", async () => {
    const year = corrected.date.start.slice(0, 4);
    const chronicle = await text(`/chronicle/${year}?lang=zh`);
    if (chronicle.includes(`href="/events/${corrected.id}?`))
      assert.match(
        cardOf(chronicle, corrected.id),
        /已更正：<\/strong\s*><a href="\/events\/[^"]+#correction-1" lang="zh-CN">标题所称法案有误。/,
      );
    const code = corrected.jurisdictions[0] as string;
    const timeline = between(await text(`/jurisdictions/${code}?lang=en`), '<ol class="timeline">', "</ol>");
    const item = between(timeline, `href="/events/${corrected.id}?`, "</li>");
    assert.match(item, /Corrected: <\/strong\s*><a[^>]*>It was signed two days later\./);
  });

  it("leaves an uncorrected event's card and page without a note", async () => {
    const plain = events.find((e) => e !== corrected && e !== undated) as Event;
    assert.ok(!(await text(`/events/${plain.id}?lang=en`)).includes("correction-note"));
  });
});
