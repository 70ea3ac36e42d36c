import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { bundledObligations } from "../src/reference/obligationsData.js";
import type { AigovApp } from "../src/server/createApp.js";
import { startInProcessApp } from "./inProcessApp.js";

const SECTION_IDS = [
  "about-sources",
  "about-method",
  "about-coverage",
  "about-updated",
  "about-licence",
  "about-cite",
  "about-links",
];

/** The text of an element's content by id, entities decoded (the page escapes every interpolated text). */
function contentOf(page: string, id: string): string {
  const match = new RegExp(`id="${id}"[^>]*>([\\s\\S]*?)</code>`).exec(page);
  assert.ok(match, `the page has #${id}`);
  return (match[1] as string)
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

describe("the about page (/about): sources, method, coverage, licence and citation", () => {
  let app: AigovApp;
  let stop: () => Promise<void>;
  before(async () => {
    ({ app, stop } = await startInProcessApp({ baseUrl: "https://aigov.example.org" }));
  });
  after(() => stop());
  const get = (path: string) => app.hono.request(`http://localhost${path}`);

  // The day the page must show as last updated: the latest `checked` of the bundled coverage.
  const lastChecked = bundledObligations()
    .coverage.map((entry) => entry.checked)
    .sort()
    .at(-1) as string;

  for (const lang of ["zh", "en"] as const) {
    it(`answers 200 in ${lang} with every section, headings in order`, async () => {
      const response = await get(`/about?lang=${lang}`);
      assert.equal(response.status, 200);
      const page = await response.text();
      assert.ok(page.includes(`<html lang="${{ zh: "zh-CN", en: "en" }[lang]}">`));
      // One h1 in main, before every h2; each section is labelled by its own h2.
      const main = page.slice(page.indexOf("<main"), page.indexOf("</main>"));
      const headings = [...main.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
      assert.equal(headings[0], 1, "the first heading is the h1");
      assert.equal(headings.filter((level) => level === 1).length, 1, "one h1");
      for (let i = 1; i < headings.length; i++)
        assert.ok(
          (headings[i] as number) <= (headings[i - 1] as number) + 1,
          `no heading level skipped (${headings.join(",")})`,
        );
      let last = -1;
      for (const id of SECTION_IDS) {
        const at = main.indexOf(`<section aria-labelledby="${id}"`);
        assert.ok(at > last, `section ${id} is there, in order`);
        assert.match(main, new RegExp(`<h2 id="${id}">`));
        last = at;
      }
      // Readable on a phone: no bare tables, no inline styles.
      assert.doesNotMatch(main, /style="/);
      for (const table of main.matchAll(/<table\b/g))
        assert.match(main.slice(0, table.index), /<div class="table-scroll">\s*$/);
    });
  }

  it("says where the data comes from, in both languages", async () => {
    const zh = await (await get("/about?lang=zh")).text();
    const en = await (await get("/about?lang=en")).text();
    assert.match(zh, /2025 年度全球人工智能治理报告/);
    assert.match(en, /2025 Global AI Governance Report/);
    for (const page of [zh, en]) {
      assert.match(page, /\b47\b/);
      for (const folder of [
        "data/seeds/",
        "data/curation/",
        "data/translations/",
        "data/instruments/",
        "data/obligations/",
        "data/corrections/",
        "data/coverage/",
      ])
        assert.ok(page.includes(folder), `names ${folder}`);
      assert.match(page, /CC BY 4\.0/);
      assert.match(page, /https:\/\/creativecommons\.org\/licenses\/by\/4\.0\//);
      assert.match(page, /MIT/);
      assert.match(page, /LICENSE-DATA\.md/);
    }
    // The verification words are the vocabulary's.
    assert.match(zh, /已对照官方文本/);
    assert.match(zh, /仅对照二手来源/);
    assert.match(zh, /未核实/);
    assert.match(en, /checked against the official text/);
    assert.match(en, /checked against secondary sources only/);
    assert.match(en, /not checked/);
    assert.match(zh, /不是法律意见/);
    assert.match(en, /not legal advice/);
    // The counts are the data's.
    const data = bundledObligations();
    assert.ok(en.includes(`(${data.instruments.length} now)`));
    assert.ok(en.includes(`(${data.obligations.length} now)`));
    assert.ok(en.includes(`(${data.corrections.length} now)`));
  });

  it("shows the last-updated day from the coverage data, and cites the dataset with it", async () => {
    const en = await (await get("/about?lang=en")).text();
    assert.ok(en.includes(`<time datetime="${lastChecked}">`), `last updated ${lastChecked}`);
    const csl = JSON.parse(contentOf(en, "about-csl-json")) as {
      type: string;
      title: string;
      author: { literal: string }[];
      issued: { "date-parts": number[][] };
      URL: string;
      DOI?: string;
    }[];
    assert.equal(csl.length, 1);
    const item = csl[0]!;
    assert.equal(item.type, "dataset");
    assert.equal(item.title, "aigov AI-governance dataset");
    assert.deepEqual(item.author, [{ literal: "aigov contributors" }]);
    assert.deepEqual(item.issued["date-parts"], [lastChecked.split("-").map(Number)]);
    assert.equal(item.URL, "https://aigov.example.org");
    assert.equal(item.DOI, undefined, "no DOI is invented");
    const bibtex = contentOf(en, "about-bibtex-entry");
    assert.match(bibtex, /^@misc\{/);
    assert.match(bibtex, /author\s+= \{\{aigov contributors\}\}/);
    assert.match(bibtex, new RegExp(`year\\s+= \\{${lastChecked.slice(0, 4)}\\}`));
    assert.match(bibtex, /url\s+= \{https:\/\/aigov\.example\.org\}/);
    assert.doesNotMatch(bibtex, /doi/i);
    const zh = await (await get("/about?lang=zh")).text();
    const [year, month, day] = lastChecked.split("-").map(Number);
    assert.ok(zh.includes(`${year}年${month}月${day}日`), "the date as Chinese writes it");
    assert.match(zh, /aigov contributors（aigov 贡献者）/);
  });

  it("links the coverage, deadlines, instruments, the API reference and the dataset's JSON, keeping the language", async () => {
    const zh = await (await get("/about?lang=zh")).text();
    for (const path of ["/coverage", "/deadlines", "/instruments", "/api/docs"])
      assert.ok(zh.includes(`href="${path}?lang=zh"`), `links ${path}`);
    assert.ok(zh.includes('href="/api/events"'));
    assert.ok(zh.includes('href="/api/coverage"'));
    for (const path of [
      "/coverage?lang=zh",
      "/deadlines?lang=zh",
      "/instruments?lang=zh",
      "/api/docs?lang=zh",
      "/api/events",
      "/api/coverage",
    ])
      assert.equal((await get(path)).status, 200, `${path} answers`);
  });

  it("refuses a parameter it does not read", async () => {
    assert.equal((await get("/about?lang=en&x=1")).status, 400);
  });
});
