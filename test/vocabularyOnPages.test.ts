// Issue 25 point 4: one vocabulary. A jurisdiction's page shows the same values in its timeline, its
// count tables and its charts (SVG and data table); each value must carry one word there, the
// vocabulary's, in both languages. In process, through app.request().
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Language } from "../src/domain/localizedText.js";
import { VOCABULARY, type VocabularyField } from "../src/domain/vocabulary.js";
import type { AigovApp } from "../src/server/createApp.js";
import { startInProcessApp } from "./inProcessApp.js";

/** Where a word was seen, for the failure message. */
interface Sighting {
  field: VocabularyField;
  word: string;
  where: string;
  /** The value the markup says it names (a badge's class), when it says. */
  value?: string;
}

const texts = (markup: string, pattern: RegExp) => [...markup.matchAll(pattern)].map((m) => m[1]!.trim());

/** The markup of one section, from its opening marker to the next `</section>` (empty if none). */
function section(markup: string, marker: string): string {
  const from = markup.indexOf(marker);
  return from < 0 ? "" : markup.slice(from, markup.indexOf("</section>", from));
}

/** Every word the profile page uses for a type, level or bindingness, and where. */
function sightings(page: string, lang: Language): Sighting[] {
  const caption = { zh: ["按类型", "按约束力"], en: ["By type", "By bindingness"] }[lang];
  const countsTable = (name: string) => {
    const from = page.indexOf(`<caption>\n      ${name}`);
    return from < 0 ? "" : page.slice(from, page.indexOf("</table>", from));
  };
  const chart = (id: string) => section(page, `aria-labelledby="chart-${id}"`);
  const chartWords = (id: string, field: VocabularyField): Sighting[] => {
    const markup = chart(id);
    const [svg, table] = [markup.slice(0, markup.indexOf("</svg>")), markup.slice(markup.indexOf("</svg>"))];
    // The SVG's legend and tooltips ("2025-04 · 指南: 1"), and the data table's column headers.
    const legend = texts(svg, /<text [^>]*font-size="11" fill="#222">([^<]+)<\/text>/g).filter(
      (t) => !/^\d{4}-\d{2}$/.test(t),
    );
    const tips = texts(svg, /data-tip="[^"]* · ([^":]+): \d+"/g);
    const columns = texts(table, /<th scope="col">([^<]+)<\/th>/g).slice(1, -1);
    return [
      ...legend.map((word) => ({ field, word, where: `chart ${id} legend` })),
      ...tips.map((word) => ({ field, word, where: `chart ${id} tooltip` })),
      ...columns.map((word) => ({ field, word, where: `chart ${id} table` })),
    ];
  };
  const unclassified = lang === "zh" ? "未分类" : "unclassified";
  return [
    ...texts(countsTable(caption[0]!), /<th scope="row">([^<]+)<\/th>/g)
      .filter((w) => w !== unclassified)
      .map((word) => ({ field: "type" as const, word, where: "counts by type" })),
    ...texts(countsTable(caption[1]!), /<th scope="row">([^<]+)<\/th>/g)
      .filter((w) => w !== unclassified)
      .map((word) => ({ field: "bindingness" as const, word, where: "counts by bindingness" })),
    ...texts(section(page, 'class="timeline"'), /<span class="tag">([^<]+)<\/span>/g).map((word) => ({
      field: "type" as const,
      word,
      where: "timeline",
    })),
    ...[...page.matchAll(/<span class="badge badge--([a-z]+)"\s*>([^<]+)<\/span/g)].map((m) => ({
      field: "bindingness" as const,
      word: m[2]!.trim(),
      value: m[1]!,
      where: "timeline badge",
    })),
    ...chartWords("by-type", "type"),
    ...chartWords("by-level", "level"),
    ...texts(chart("binding-share"), /<th scope="col">([^<]+)<\/th>/g)
      .slice(1, 2)
      .map((word) => ({
        field: "bindingness" as const,
        word,
        value: "binding",
        where: "binding-share table",
      })),
  ];
}

describe("one vocabulary on a page and its charts", () => {
  let app: AigovApp;
  let stop: () => Promise<void>;
  before(async () => {
    ({ app, stop } = await startInProcessApp());
  });
  after(() => stop());

  const shown: Record<string, VocabularyField[]> = {
    "/jurisdictions/EU": ["type", "bindingness"],
    "/jurisdictions/US": ["type", "bindingness"],
    "/charts": ["type", "level", "bindingness"],
  };
  for (const [path, fields] of Object.entries(shown))
    for (const lang of ["zh", "en"] as const)
      it(`${path} (${lang}) names each value with the vocabulary's one word`, async () => {
        const page = await app.hono.request(`http://localhost${path}?lang=${lang}`);
        assert.equal(page.status, 200);
        const seen = sightings(await page.text(), lang);
        for (const field of fields)
          assert.ok(
            seen.some((s) => s.field === field),
            `the page shows some ${field}`,
          );
        const wordsByValue = new Map<string, Set<string>>();
        for (const s of seen) {
          const entries = Object.entries(VOCABULARY[s.field]) as [string, Record<Language, string>][];
          const value = entries.find(([, words]) => words[lang] === s.word)?.[0];
          assert.ok(
            value,
            `${s.where}: “${s.word}” is not the vocabulary's word for any ${s.field} (${lang})`,
          );
          if (s.value) assert.equal(value, s.value, `${s.where}: “${s.word}” names ${s.value}`);
          const key = `${s.field}.${value}`;
          wordsByValue.set(key, new Set([...(wordsByValue.get(key) ?? []), `${s.word} (${s.where})`]));
        }
        for (const [key, words] of wordsByValue) {
          const distinct = new Set([...words].map((w) => w.replace(/ \(.*\)$/, "")));
          assert.equal(distinct.size, 1, `${key}: ${[...words].join(", ")}`);
        }
      });
});
