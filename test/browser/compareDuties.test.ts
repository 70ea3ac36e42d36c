// Issue 27 point 3: the duties of several jurisdictions lined up by theme, in zh and en, at 360 and
// 1280 px: side by side where they fit, one under another on a phone, never a sideways scroll; the
// choosers work without JavaScript and every duty links to its instrument's page.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import {
  type BrowserHarness,
  browserSkip,
  describeViolations,
  screenshot,
  seriousViolations,
  startBrowserHarness,
  watchPageErrors,
} from "./browserHarness.js";

const PATH = "/compare/duties?theme=labeling&j=CN,EU,KR,US-CA,VN";

/** The columns' boxes: where each jurisdiction's duties are drawn, and how many it holds. */
async function columns(page: Page) {
  return page.locator(".duty-column").evaluateAll((sections) =>
    sections.map((section) => {
      const box = section.getBoundingClientRect();
      return {
        code: section.getAttribute("data-jurisdiction"),
        left: Math.round(box.left),
        top: Math.round(box.top),
        right: Math.round(box.right),
        duties: section.querySelectorAll(".duty-card").length,
      };
    }),
  );
}

const scrollWidth = (page: Page) =>
  page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
        .documentElement.scrollWidth,
  );

describe("duties compared by theme (browser)", { skip: browserSkip }, () => {
  let harness: BrowserHarness;
  before(async () => {
    harness = await startBrowserHarness();
  });
  after(() => harness?.stop());

  for (const lang of ["zh", "en"] as const)
    for (const width of [1280, 360])
      it(`${lang} at ${width} px: the duties of several jurisdictions, ${width > 400 ? "side by side" : "one under another"}, without sideways scrolling`, async () => {
        const { page } = await harness.newPage({ viewport: { width, height: 900 } });
        const errors = watchPageErrors(page);
        const response = await page.goto(`${harness.baseUrl}${PATH}&lang=${lang}`);
        assert.equal(response?.status(), 200);
        assert.match((await page.locator("html").getAttribute("lang")) ?? "", new RegExp(`^${lang}`));
        const heading = await page.locator("h1").textContent();
        assert.equal(heading?.trim(), lang === "zh" ? "按主题比较义务" : "Duties compared by theme");
        const found = await columns(page);
        assert.deepEqual(
          found.map((c) => c.code),
          ["CN", "EU", "KR", "US-CA", "VN"],
        );
        const filled = found.filter((c) => c.duties > 0);
        assert.ok(filled.length >= 3, `duties of several jurisdictions: ${JSON.stringify(found)}`);
        if (width > 400) {
          // One row of columns: every column starts at the same height, each to the right of the last.
          assert.ok(
            found.every((c) => c.top === found[0]?.top),
            JSON.stringify(found),
          );
          for (let i = 1; i < found.length; i++)
            assert.ok((found[i]?.left ?? 0) >= (found[i - 1]?.right ?? 0), JSON.stringify(found));
        } else {
          // Rows per jurisdiction: each column below the one before, as wide as the page allows.
          for (let i = 1; i < found.length; i++)
            assert.ok((found[i]?.top ?? 0) > (found[i - 1]?.top ?? 0), JSON.stringify(found));
          assert.ok(found.every((c) => c.right <= width));
        }
        assert.ok((await scrollWidth(page)) <= width, `sideways scroll at ${width} px`);
        // The page's words are the reader's language, the duty facts included.
        const facts = await page.locator(".duty-card__facts dt").first().textContent();
        assert.equal(facts?.trim(), lang === "zh" ? "谁负有义务" : "Who is bound");
        assert.deepEqual(
          await seriousViolations(page),
          [],
          describeViolations(await seriousViolations(page)),
        );
        assert.deepEqual(errors, []);
        await screenshot(page, `compare-duties-${lang}-${width}`, { fullPage: false });
      });

  it("links each duty to its instrument's page, which opens in the same language", async () => {
    const { page } = await harness.newPage();
    await page.goto(`${harness.baseUrl}${PATH}&lang=zh`);
    const links = await page
      .locator(".duty-card__instrument")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    assert.ok(links.length >= 3);
    for (const href of new Set(links)) assert.match(href, /^\/instruments\/[a-z0-9-]+\?lang=zh$/);
    const first = page.locator('.duty-column[data-jurisdiction="EU"] .duty-card__instrument').first();
    const title = (await first.textContent())?.trim() ?? "";
    await first.click();
    await page.waitForURL(/\/instruments\/[a-z0-9-]+\?lang=zh$/);
    assert.match((await page.locator("html").getAttribute("lang")) ?? "", /^zh/);
    assert.ok(((await page.locator("h1").textContent()) ?? "").includes(title.slice(0, 10)));
    // Every other instrument link answers too.
    for (const href of new Set(links)) {
      const response = await page.request.get(`${harness.baseUrl}${href}`);
      assert.equal(response.status(), 200, href);
    }
  });

  it("chooses another theme and jurisdictions with the plain form, without JavaScript; the JSON and CSV twins answer", async () => {
    const { page } = await harness.newPage({ javaScriptEnabled: false });
    await page.goto(`${harness.baseUrl}/compare?j=EU,CN&lang=en`);
    await page.locator('a[href^="/compare/duties"]').first().click();
    await page.waitForURL(/\/compare\/duties\?/);
    // All themes are offered, in the page's language.
    const themes = await page.locator("#duty-theme option").count();
    assert.equal(themes, 19);
    await page.locator("#duty-theme").selectOption("ai-disclosure");
    for (const code of ["EU", "CN", "KR"]) await page.locator(`#duty-j-${code}`).check();
    await page.locator(".duty-chooser button").click();
    await page.waitForURL(/theme=ai-disclosure/);
    assert.equal(
      (await page.locator("h2#theme-ai-disclosure").textContent())?.trim(),
      "Disclosure that one deals with an AI",
    );
    const found = await columns(page);
    // The compare page's columns (EU, CN) came along; the chooser lists by name.
    assert.deepEqual(
      found.map((c) => c.code),
      ["CN", "EU", "KR"],
    );
    for (const twin of ["JSON", "CSV"]) {
      const href = await page.locator(`a:text-is("${twin}")`).first().getAttribute("href");
      assert.match(href ?? "", /^\/api\/compare\/duties(\.csv)?\?theme=ai-disclosure&j=CN,EU,KR$/);
      const response = await page.request.get(`${harness.baseUrl}${href}`);
      assert.equal(response.status(), 200, `${twin}: ${href}`);
    }
  });

  it("answers an unknown theme or code with a 400 page naming it, the chooser below", async () => {
    const { page } = await harness.newPage();
    const response = await page.goto(`${harness.baseUrl}/compare/duties?theme=watermarks&j=EU,QQ&lang=zh`);
    assert.equal(response?.status(), 400);
    const alerts = await page.locator('[role="alert"]').allTextContents();
    assert.ok(alerts.some((text) => text.includes("watermarks")));
    assert.ok(alerts.some((text) => text.includes("QQ")));
    assert.equal(await page.locator(".duty-chooser").count(), 1);
  });
});
