import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseFeed } from "@rowanmanning/feed-parser";
import { Correction } from "../domain/correction.js";
import { correctionsByEvent } from "../domain/correctionsByEvent.js";
import { Event } from "../domain/event.js";
import { eventsToAtom } from "./eventsAtom.js";

const event = (id: string) =>
  Event.parse({
    id,
    title: { en: `Act ${id}` },
    summary: { en: "The legislature passed the act." },
    date: { start: "2025-09-29" },
  });
const corrections = correctionsByEvent([
  Correction.parse({
    event: "corrected",
    field: "summary",
    claim: { en: "passed" },
    correction: { en: "The Governor signed it that day <b>&</b> both houses had passed it before." },
    verification: "secondary",
    sources: ["https://example.org/bill?a=1&b=2"],
  }),
]);

describe("eventsToAtom › corrections", () => {
  const xml = eventsToAtom([event("corrected"), event("plain")], {
    baseUrl: "http://x",
    lang: "en",
    corrections,
  });
  const [corrected, plain] = parseFeed(xml).items;

  it("follows a corrected entry's summary with the correction as a line of text, its markup shown as text", () => {
    const summary = /<summary type="text">([\s\S]*?)<\/summary>/.exec(xml)?.[1] ?? "";
    assert.ok(summary.startsWith("The legislature passed the act.\n\n"), summary);
    assert.match(
      summary,
      /Correction \(summary\): The Governor signed it that day &lt;b&gt;&amp;&lt;\/b&gt; both houses/,
    );
    assert.match(summary, /source: https:\/\/example\.org\/bill\?a=1&amp;b=2\)/);
    assert.doesNotMatch(xml, /type="html"|<p>|<strong>/);
    assert.match(
      corrected?.description ?? "",
      /Correction \(summary\): The Governor signed it that day <b>&<\/b>/,
    );
  });

  it("leaves an uncorrected entry's summary as it was", () => {
    assert.equal(plain?.description, "The legislature passed the act.");
  });

  it("declares titles text and leaves out characters XML forbids", () => {
    const hostile = Event.parse({
      id: "hostile",
      title: { en: "<b>Bold</b>\u0000 \uffff\u0007 & more" },
      summary: { en: "<script>alert(1)</script>\u001b[31m" },
      date: { start: "2025-01-01" },
    });
    const feed = eventsToAtom([hostile], { baseUrl: "http://x", lang: "en" });
    assert.match(feed, /<title type="text">&lt;b&gt;Bold&lt;\/b&gt; {2}&amp; more<\/title>/);
    // eslint-disable-next-line no-control-regex -- the controls are what the test looks for
    assert.doesNotMatch(feed, /[\u0000\u0007\u001b\uffff]/);
    const [item] = parseFeed(feed).items;
    assert.equal(item?.title, "<b>Bold</b>  & more");
    assert.equal(item?.description, "<script>alert(1)</script>[31m");
  });
});

describe("eventsToAtom › categories", () => {
  const tagged = Event.parse({
    id: "tagged",
    title: { en: "Act" },
    summary: {},
    date: { start: "2025-09-29" },
    jurisdictions: ["EU"],
    tags: ["export-controls", "ai-liability"],
  });

  it("labels a tag with the vocabulary's word in the feed's language, its term the tag itself", () => {
    const zh = eventsToAtom([tagged], { baseUrl: "http://x", lang: "zh" });
    assert.match(zh, /<category term="export-controls" label="出口管制"\/>/);
    assert.match(zh, /<category term="ai-liability" label="ai liability"\/>/);
    assert.match(zh, /<category term="EU" label="EU"\/>/);
    const en = eventsToAtom([tagged], { baseUrl: "http://x", lang: "en" });
    assert.match(en, /<category term="export-controls" label="export controls"\/>/);
  });
});
