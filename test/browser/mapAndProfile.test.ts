import assert from "node:assert/strict";
import { copyFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import {
  type BrowserHarness,
  browserSkip,
  describeViolations,
  screenshot,
  seriousViolations,
  startBrowserHarness,
  watchPageErrors,
} from "./browserHarness.js";

describe("map and jurisdiction profile (browser)", { skip: browserSkip }, () => {
  let harness: BrowserHarness;
  before(async () => {
    harness = await startBrowserHarness();
  });
  after(() => harness?.stop());

  it("draws the countries with their counts, subdivisions counted in, and the same counts as a list", async () => {
    const { page } = await harness.newPage();
    const errors = watchPageErrors(page);
    await page.goto(`${harness.baseUrl}/map?lang=en`);
    assert.ok((await page.locator("svg.world-map .map-country").count()) > 150);
    // The United States: six events of its own and one of California's.
    const us = page.locator('svg.world-map .map-country[data-code="US"]');
    assert.equal(await us.getAttribute("data-count"), "7");
    assert.match((await us.getAttribute("aria-label")) ?? "", /United States.*7/);
    const listed = await page.locator("#map-list tbody tr", { hasText: "California" }).innerText();
    assert.match(listed, /\b7\b/);
    assert.deepEqual(errors, []);
    await page.setViewportSize({ width: 1280, height: 800 });
    const path = await screenshot(page, "map-en");
    copyFileSync(path, new URL("../../docs/screenshot-map.png", import.meta.url));
  });

  it("outlines a bloc's members on hover and focus", async () => {
    const { page } = await harness.newPage();
    await page.goto(`${harness.baseUrl}/map?lang=en`);
    const eu = page.locator('.bloc__name[href^="/jurisdictions/EU?"]');
    await eu.hover();
    assert.equal(await page.locator("svg.world-map .map-country.is-member").count(), 27); // Malta, too small for the shapes, as a dot
    await page.locator("h1").hover();
    assert.equal(await page.locator(".map-country.is-member").count(), 0);
    await eu.focus();
    assert.ok((await page.locator(".map-country.is-member").count()) > 0);
  });

  it("opens a country's profile by click and by Enter", async () => {
    const { page } = await harness.newPage();
    await page.goto(`${harness.baseUrl}/map?lang=en`);
    await page.locator('svg.world-map .map-country[data-code="CN"] path').click();
    await page.waitForURL(/\/jurisdictions\/CN/);
    assert.match(await page.locator("h1").innerText(), /China/);
    await page.goBack();
    await page.locator('svg.world-map .map-country[data-code="JP"]').focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/jurisdictions\/JP/);
    assert.match(await page.locator("h1").innerText(), /Japan/);
  });

  it("shows a profile: timeline, binding instruments with effective dates, groups, subdivisions, charts with tables", async () => {
    const { page } = await harness.newPage({ javaScriptEnabled: false });
    await page.goto(`${harness.baseUrl}/jurisdictions/US?lang=en`);
    assert.equal(await page.locator(".timeline > li").count(), 7);
    assert.ok((await page.locator(".instrument-list > li").count()) > 0);
    assert.match(await page.locator("#profile-groups + ul").innerText(), /OECD/);
    assert.match(await page.locator("#profile-subdivisions + ul").innerText(), /California/);
    assert.ok((await page.locator(".chart table tbody tr").count()) > 0);
    await page.goto(`${harness.baseUrl}/jurisdictions/EU?lang=en`);
    assert.match(await page.locator("#profile-binding + .instrument-list").innerText(), /2 August 2025/);
    // The instruments with every date, past and next, each linked to its page.
    const instruments = await page.locator("#profile-instruments + .instrument-list").innerText();
    for (const day of ["1 August 2024", "2 August 2025", "2 August 2026", "2 August 2027"])
      assert.match(instruments, new RegExp(day), day);
    await page
      .getByRole("link", { name: /Regulation \(EU\) 2024\/1689/ })
      .first()
      .click();
    assert.match(page.url(), /\/instruments\/eu-ai-act\?lang=en$/);
  });

  for (const lang of ["zh", "en"] as const)
    for (const path of ["/map", "/jurisdictions/EU", "/jurisdictions/US"])
      it(`has no serious or critical accessibility violation on ${path} (${lang})`, async () => {
        const { page } = await harness.newPage();
        await page.goto(`${harness.baseUrl}${path}?lang=${lang}`);
        const violations = await seriousViolations(page);
        assert.equal(violations.length, 0, describeViolations(violations));
      });

  it("fits a 360 px wide screen without sideways scrolling of the page", async () => {
    const { page } = await harness.newPage({ viewport: { width: 360, height: 800 } });
    for (const path of ["/map", "/jurisdictions/US"]) {
      await page.goto(`${harness.baseUrl}${path}?lang=zh`);
      const overflow = Number(
        await page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth"),
      );
      assert.ok(overflow <= 0, `${path} overflows by ${overflow}px`);
    }
  });
});
