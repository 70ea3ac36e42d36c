import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { readBundledDataset } from "../../src/import/bundledDataset.js";
import {
  type BrowserHarness,
  browserSkip,
  describeViolations,
  screenshot,
  seriousViolations,
  startBrowserHarness,
  watchPageErrors,
} from "./browserHarness.js";

describe("chronicle (browser)", { skip: browserSkip }, () => {
  let harness: BrowserHarness;
  before(async () => {
    harness = await startBrowserHarness();
  });
  after(() => harness?.stop());

  it("lists every bundled event under its month, with counts", async () => {
    const { page } = await harness.newPage();
    const errors = watchPageErrors(page);
    await page.goto(`${harness.baseUrl}/?lang=zh`);
    const { events } = readBundledDataset();
    const links = await page
      .locator(".event-card__title a")
      .evaluateAll((as) => as.map((a) => (a as unknown as { pathname: string }).pathname));
    assert.deepEqual(new Set(links), new Set(events.map((e) => `/events/${e.id}`)));
    assert.equal(links.length, events.length);
    const monthCounts = await page.locator(".month h2 .count").allInnerTexts();
    const sum = monthCounts.map((text) => Number(text.replace(/\D/g, ""))).reduce((a, b) => a + b, 0);
    assert.equal(sum, events.length);
    assert.deepEqual(errors, []);
    await screenshot(page, "chronicle-zh");
    await screenshot(page, "chronicle-zh-top", { fullPage: false });
  });

  for (const lang of ["zh", "en"] as const)
    it(`has no serious or critical accessibility violation (${lang})`, async () => {
      const { page } = await harness.newPage();
      await page.goto(`${harness.baseUrl}/?lang=${lang}`);
      const violations = await seriousViolations(page);
      assert.equal(violations.length, 0, describeViolations(violations));
      if (lang === "en") await screenshot(page, "chronicle-en");
    });

  it("works without JavaScript", async () => {
    const { page } = await harness.newPage({ javaScriptEnabled: false });
    await page.goto(`${harness.baseUrl}/chronicle/2025?lang=en`);
    assert.ok((await page.locator(".event-card").count()) > 0);
    assert.match(await page.locator("h1").innerText(), /2025/);
  });

  it("switches language in the interface and the data, and remembers it", async () => {
    const { page } = await harness.newPage({ locale: "zh-CN" });
    await page.goto(`${harness.baseUrl}/`);
    assert.equal(await page.locator("html").getAttribute("lang"), "zh-CN");
    assert.equal(await page.locator(".site-nav a").first().innerText(), "大事记");
    const zhTitle = await page.locator(".event-card__title a").first().innerText();
    await page.locator(".lang-switch a[hreflang=en]").click();
    await page.waitForURL(/lang=en/);
    assert.equal(await page.locator(".site-nav a").first().innerText(), "Chronicle");
    const enTitle = await page.locator(".event-card__title a").first().innerText();
    assert.notEqual(enTitle, zhTitle);
    // The choice is remembered: the bare address now answers in English.
    await page.goto(`${harness.baseUrl}/`);
    assert.equal(await page.locator("html").getAttribute("lang"), "en");
  });
});
