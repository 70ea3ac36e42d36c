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

  it("follows a corrected entry's summary with the correction, its text escaped and its source a link", () => {
    // The summary is declared HTML: the feed's own bytes must hold the escaped text (a parser decodes it).
    const summary = /<summary type="html"><!\[CDATA\[([\s\S]*?)\]\]><\/summary>/.exec(xml)?.[1] ?? "";
    assert.ok(summary.startsWith("The legislature passed the act.\n"), summary);
    assert.match(
      summary,
      /<p><strong>Correction \(summary\):<\/strong> The Governor signed it that day &lt;b&gt;&amp;&lt;\/b&gt; both houses/,
    );
    assert.match(summary, /source: <a href="https:\/\/example\.org\/bill\?a=1&amp;b=2">/);
    assert.doesNotMatch(summary, /<b>/);
    assert.match(corrected?.description ?? "", /Correction \(summary\):.*The Governor signed it/);
  });

  it("leaves an uncorrected entry's summary as it was", () => {
    assert.equal(plain?.description, "The legislature passed the act.");
  });
});
