import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { correctionsByEvent } from "../../src/domain/correctionsByEvent.js";
import { readBundledDataset } from "../../src/import/bundledDataset.js";
import { bundledObligations } from "../../src/reference/obligationsData.js";
import { compactCorrection } from "../../src/web/components/compactCorrection.js";
import {
  type BrowserHarness,
  browserSkip,
  describeViolations,
  screenshot,
  seriousViolations,
  startBrowserHarness,
  watchPageErrors,
} from "./browserHarness.js";

const resultLinks = (page: Page) =>
  page
    .locator("#search-results .event-card__title a")
    .evaluateAll((as) => as.map((a) => (a as unknown as { pathname: string }).pathname));

/** What a reader sees of each result card, in order. */
const cardTexts = (page: Page) => page.locator("#search-results .event-card").allInnerTexts();

const statusCount = async (page: Page) =>
  Number((await page.locator("#search-status").innerText()).replace(/“[^”]*”/, "").replace(/\D/g, ""));

describe("search page (browser)", { skip: browserSkip }, () => {
  let harness: BrowserHarness;
  before(async () => {
    harness = await startBrowserHarness();
  });
  after(() => harness?.stop());

  it("typing 欧盟 narrows the results and the URL, the same as the server renders them", async () => {
    const { page } = await harness.newPage();
    const errors = watchPageErrors(page);
    await page.goto(`${harness.baseUrl}/search?lang=zh`);
    const all = await statusCount(page);
    await page.locator("#search-q").pressSequentially("欧盟");
    await page.waitForURL((url) => url.searchParams.get("q") === "欧盟");
    await page.locator("#search-status", { hasText: "欧盟" }).waitFor();
    const narrowed = await statusCount(page);
    assert.ok(narrowed > 0 && narrowed < all, `${narrowed} of ${all}`);
    assert.ok((await page.locator("#search-results mark").count()) > 0, "snippets are marked");
    const live = await resultLinks(page);
    await screenshot(page, "search-zh");
    await page.reload();
    assert.deepEqual(await resultLinks(page), live, "the URL renders the same results on the server");
    assert.deepEqual(errors, []);
  });

  it("draws a corrected result's “Corrected:” note as the server does, linking to the note", async () => {
    // Whichever event data/corrections corrects first: the test holds for any number of corrections.
    const [id, corrections] = [...correctionsByEvent(bundledObligations().corrections)][0] ?? [];
    assert.ok(id && corrections, "data/corrections holds at least one correction");
    const title = readBundledDataset().events.find((e) => e.id === id)?.title.en ?? "";
    const { page } = await harness.newPage();
    const errors = watchPageErrors(page);
    await page.goto(`${harness.baseUrl}/search?lang=en`);
    await page.locator("#search-q").fill(title);
    await page.waitForURL((url) => url.searchParams.get("q") === title);
    const card = page.locator("#search-results .event-card", {
      has: page.locator(`.event-card__title a[href^="/events/${id}?"]`),
    });
    await card.locator(".correction-note").first().waitFor();
    const notes = await card.locator(".correction-note").allInnerTexts();
    // Each beside its field, so in the card's order rather than the data's.
    assert.ok(
      notes.every((text) => text.startsWith("Corrected: ")),
      notes.join("\n"),
    );
    assert.deepEqual(
      notes.map((text) => text.trim()).sort(),
      corrections
        .map((c, i) => compactCorrection(c, i, "", "en"))
        .map((note) => `${note.prefix}${note.text}`.trim())
        .sort(),
    );
    const href = await card.locator(".correction-note a").first().getAttribute("href");
    assert.match(href ?? "", new RegExp(`^/events/${id}\\?lang=en#correction-\\d+$`));
    const live = await cardTexts(page);
    await screenshot(page, "search-correction-en");
    await page.reload();
    assert.deepEqual(await cardTexts(page), live, "the script's cards read as the server's");
    await page.locator(".correction-note a").first().click();
    await page.waitForURL(/\/events\/.+#correction-\d+$/);
    assert.ok(await page.locator(".event-page .correction-note:target").isVisible());
    assert.deepEqual(errors, []);
  });

  it("a facet click filters, its chip removes it, and Back restores it", async () => {
    const { page } = await harness.newPage();
    const errors = watchPageErrors(page);
    const fetched: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "fetch") fetched.push(new URL(request.url()).pathname);
    });
    await page.goto(`${harness.baseUrl}/search?lang=en`);
    const all = await statusCount(page);
    await page.locator('.facet input[name="jurisdiction"][value="EU"]').check();
    await page.waitForURL((url) => url.searchParams.getAll("jurisdiction").includes("EU"));
    await page.locator(".chip[data-facet=jurisdiction]").waitFor();
    const filtered = await statusCount(page);
    assert.ok(filtered > 0 && filtered < all);
    // The live view is the server's fragment, swapped in; focus stays on the box just checked.
    assert.deepEqual([...new Set(fetched)], ["/search/results"]);
    assert.equal(
      await page.evaluate(() => {
        const { document } = globalThis as unknown as {
          document: { activeElement: { name?: string; value?: string } | null };
        };
        const active = document.activeElement;
        return `${active?.name}=${active?.value}`;
      }),
      "jurisdiction=EU",
    );
    // The facets the script drew for the filtered results name their tags, as the server does.
    const tagNames = await page
      .locator('.facet[data-facet="tag"] label > span:first-of-type')
      .allInnerTexts();
    assert.ok(tagNames.length > 0);
    assert.ok(
      tagNames.every((name) => !/^[a-z0-9]+(-[a-z0-9]+)+$/.test(name)),
      tagNames.join(", "),
    );
    assert.ok(tagNames.includes("international cooperation"), tagNames.join(", "));
    const places = await page.locator("#search-results .event-card__meta").allInnerTexts();
    assert.ok(
      places.every((text) => text.includes("European Union")),
      places.join("\n"),
    );
    await page.locator(".chip[data-facet=jurisdiction]").click();
    await page.waitForURL((url) => !url.searchParams.has("jurisdiction"));
    await page.locator(".chip").waitFor({ state: "detached" });
    assert.equal(await statusCount(page), all);
    assert.match(await page.locator("#search-pager nav").innerText(), /Page 1 of 3/);
    assert.equal(await page.locator("#search-pager a[rel=next]").count(), 1);
    assert.equal(await page.locator('.facet input[name="jurisdiction"][value="EU"]').isChecked(), false);
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.getAll("jurisdiction").includes("EU"));
    await page.locator(".chip[data-facet=jurisdiction]").waitFor();
    assert.equal(await statusCount(page), filtered);
    assert.equal(await page.locator('.facet input[name="jurisdiction"][value="EU"]').isChecked(), true);
    await screenshot(page, "search-en");
    assert.deepEqual(errors, []);
  });

  it("names a value with the vocabulary's word in its facet, its chip and its cards (zh)", async () => {
    const { page } = await harness.newPage();
    const errors = watchPageErrors(page);
    await page.goto(`${harness.baseUrl}/search?lang=zh`);
    const box = page.locator('.facet input[name="type"][value="executive_order"]');
    const boxLabel = page.locator('.facet[data-facet="type"] label', {
      has: page.locator('input[value="executive_order"]'),
    });
    assert.equal(await boxLabel.locator("span").first().innerText(), "行政令");
    await box.check();
    await page.waitForURL((url) => url.searchParams.get("type") === "executive_order");
    await page.locator(".chip[data-facet=type]").waitFor();
    assert.equal(await page.locator(".chip[data-facet=type]").innerText(), "类型: 行政令");
    const cards = await cardTexts(page);
    assert.ok(cards.length > 0 && cards.every((text) => text.includes("行政令")), cards.join("\n"));
    assert.deepEqual(errors, []);
  });

  it("works without JavaScript: query, facets, chips and pages come from the URL", async () => {
    const { page } = await harness.newPage({ javaScriptEnabled: false });
    await page.goto(`${harness.baseUrl}/search?q=${encodeURIComponent("欧盟")}&type=law&lang=zh`);
    assert.ok((await page.locator("#search-results li").count()) > 0);
    assert.equal(await page.locator(".chip").count(), 1);
    await page.locator('.facet input[name="type"][value="law"]').uncheck();
    await page.locator(".facets__apply").click();
    await page.waitForURL((url) => !url.searchParams.has("type"));
    assert.ok((await statusCount(page)) > 0);
    await page.goto(`${harness.baseUrl}/search?lang=en`);
    await page.locator("a[rel=next]").click();
    await page.waitForURL(/page=2/);
    assert.equal(await page.locator("#search-results li").count(), 20);
  });

  for (const lang of ["zh", "en"] as const)
    it(`has no serious or critical accessibility violation (${lang})`, async () => {
      const { page } = await harness.newPage();
      await page.goto(`${harness.baseUrl}/search?q=AI&jurisdiction=EU&lang=${lang}`);
      const violations = await seriousViolations(page);
      assert.equal(violations.length, 0, describeViolations(violations));
    });
});
