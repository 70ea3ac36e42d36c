import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { AigovApp } from "../src/server/createApp.js";
import { EVERY_PAGE } from "./everyPage.js";
import { startInProcessApp } from "./inProcessApp.js";

/**
 * The interface text of a zh page: what is left once the markup, scripts, styles, attributes, and the
 * text aigov holds only in English or as written by its source are taken away. Data in another
 * language is marked `lang` by the page (an English title shown for want of a Chinese one, a law's
 * original title), and so are codes, links and identifiers (`<code>`, `<a href="http…">`, `<time>`).
 */
function interfaceText(page: string): string {
  return (
    page
      .replace(/<(script|style|pre|code|svg|time|abbr)\b[^>]*>[^]*?<\/\1>/gi, " ")
      .replace(/<(\w+)\b[^>]*\blang="(?!zh)[^"]*"[^>]*>[^]*?<\/\1>/gi, " ")
      .replace(/<a\b[^>]*href="https?:[^"]*"[^>]*>[^]*?<\/a>/gi, " ")
      // A search snippet is a passage of a record, cut where the window ends.
      .replace(/<p class="event-card__snippet">[^]*?<\/p>/gi, " ")
      .replace(/<[^>]+>/g, " ")
      .replace(/&[a-z#0-9]+;/gi, " ")
      .replace(/https?:\/\/\S+/g, " ")
      // Paths and file names (data/seeds/, LICENSE-DATA.md) are the same in every language.
      .replace(/\S*[/.][\w-]*\/\S*|\b[\w-]+\.(?:md|json|csv|ts)\b/g, " ")
  );
}

// Words that are the same in Chinese text: names, formats, units, abbreviations of bodies and laws.
const SAME_IN_CHINESE = new Set(
  `aigov api json csv atom icalendar ical pdf docx markdown html xml openapi flop flops gpai ai csl bibtex
  mit cc by eu un us uk oecd g7 g20 brics asean itu iso iec unesco alecso eclac nist cac tc260 gb sb ab hb
  tfaia raise traiga eo gdpr dsa ce llm gpt celex eli oj fr doc jsonl eur lex curia en zh lines`.split(/\s+/),
);

/** Every text of data/ (the records, as their sources wrote them). */
function dataText(dir = join(import.meta.dirname, "..", "data")): string {
  return readdirSync(dir)
    .map((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return dataText(path);
      return name.endsWith(".json") ? readFileSync(path, "utf8") : "";
    })
    .join("\n");
}

/** Letters and digits alone, lowercased, one space between words: quotes and apostrophes do not count. */
const words = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ");

describe("no untranslated interface text on a zh page", () => {
  let app: AigovApp;
  let stop: () => Promise<void>;
  before(async () => {
    ({ app, stop } = await startInProcessApp());
  });
  after(() => stop());

  it(`finds none on ${EVERY_PAGE.length} pages`, async () => {
    // English that the records hold (a Chinese summary quoting an English title, a source's publisher, an
    // English summary shown for want of a Chinese one) is data, not interface text.
    const data = words(dataText());
    const found: string[] = [];
    for (const path of EVERY_PAGE) {
      const response = await app.hono.request(
        `http://localhost${path}${path.includes("?") ? "&" : "?"}lang=zh`,
      );
      assert.ok(response.status < 400, `${path}: ${response.status}`);
      const text = interfaceText(await response.text()).replace(/\s+/g, " ");
      // An English word, or words in a row, that is no name, format or abbreviation: interface text,
      // unless the records hold it; an enum's code (`authorised-representative`) is never the records'.
      for (const match of text.matchAll(/\b[A-Za-z][a-z]{3,}(?:[ -]+[A-Za-z][a-z]{2,})*\b/g)) {
        const plain = match[0].toLowerCase().split(/[ -]+/);
        if (plain.every((w) => SAME_IN_CHINESE.has(w))) continue;
        const code = /^[a-z]+(?:-[a-z]+)+$/.test(match[0]);
        if (!code && data.includes(` ${words(match[0]).trim()} `)) continue;
        found.push(`${path}: “${match[0]}”`);
      }
    }
    assert.deepEqual([...new Set(found)], []);
  });
});
