import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
  type BrowserHarness,
  browserSkip,
  screenshot,
  startBrowserHarness,
  watchPageErrors,
} from "./browserHarness.js";

// What an analyst does with issue 28's views, in both languages and at both widths: find a law by its
// number, follow it to its dates, take a view away, choose deadlines, and read where the data comes from.
const WORDS = {
  zh: { search: "搜索", deadlines: "显示", json: "JSON", about: "关于数据、方法与许可" },
  en: { search: "Search", deadlines: "Show", json: "JSON", about: "About the data, methods and licence" },
} as const;

describe("the analyst's views (browser)", { skip: browserSkip }, () => {
  let harness: BrowserHarness;
  before(async () => {
    harness = await startBrowserHarness();
  });
  after(() => harness?.stop());

  // Each language once and each width once (zh on a phone, en on a desktop): the four pairs took 9 s of
  // the browser suites' lane, which is the longest of npm test, and the other two met nothing new.
  for (const [lang, width] of [
    ["zh", 360],
    ["en", 1280],
  ] as const)
    it(`finds SB 53 by number, follows it to its dates and takes the deadlines away (${lang}, ${width} px)`, async () => {
      const { page } = await harness.newPage({ viewport: { width, height: 900 } });
      const errors = watchPageErrors(page);
      const base = harness.baseUrl;
      // Search by the bill's number written without its space: the instrument comes first.
      await page.goto(`${base}/search?lang=${lang}`);
      await page.locator("#search-q").fill("SB53");
      await page.locator("#search-q").press("Enter");
      const first = page.locator("#search-catalog li a").first();
      await first.waitFor();
      assert.match((await first.getAttribute("href")) ?? "", /^\/instruments\/us-ca-sb-53\?lang=/);
      await screenshot(page, `analyst-search-sb53-${lang}-${width}`, { fullPage: false });
      await first.click();
      await page.waitForURL(/\/instruments\/us-ca-sb-53/);
      // From the instrument to its event, and from the event back to the instrument's dates.
      await page.locator('a[href^="/events/2025-us-ca-sb-53"]').first().click();
      await page.waitForURL(/\/events\/2025-us-ca-sb-53/);
      assert.ok(await page.locator("#instruments").isVisible());
      assert.equal(await page.locator('#instruments ~ ul time[datetime="2026-01-01"]').count(), 1);
      // Deadlines of the EU: tick it, show, and the table and the calendar link follow the choice.
      await page.goto(`${base}/deadlines?lang=${lang}&from=2026-01-01`);
      await page.locator('input[name="jurisdiction"][value="EU"]').check();
      await page.getByRole("button", { name: WORDS[lang].deadlines }).click();
      await page.waitForURL(/jurisdiction=EU/);
      const jurisdictions = await page.locator("table.deadlines tbody tr td:nth-child(2)").allInnerTexts();
      assert.ok(
        jurisdictions.length > 0 && jurisdictions.every((j) => /欧盟|European Union/.test(j)),
        jurisdictions.join(),
      );
      const ics = await page.locator('a[type="text/calendar"]').getAttribute("href");
      assert.match(ics ?? "", /^\/api\/deadlines\.ics\?jurisdiction=EU&from=2026-01-01&limit=500&lang=/);
      const calendar = await page.request.get(`${base}${ics}`);
      assert.equal(calendar.status(), 200);
      assert.match(await calendar.text(), /BEGIN:VEVENT/);
      const overflow = Number(
        await page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth"),
      );
      assert.ok(overflow <= 0, `/deadlines overflows by ${overflow}px`);
      await screenshot(page, `analyst-deadlines-eu-${lang}-${width}`, { fullPage: false });
      assert.deepEqual(errors, []);
    });

  for (const lang of ["zh", "en"] as const)
    it(`takes a profile's events away, sees the EU on the map and reads where the data comes from (${lang})`, async () => {
      const { page } = await harness.newPage();
      const base = harness.baseUrl;
      await page.goto(`${base}/jurisdictions/EU?lang=${lang}`);
      const json = await page.locator("p.downloads a", { hasText: WORDS[lang].json }).getAttribute("href");
      const answer = (await (await page.request.get(`${base}${json}`)).json()) as { total: number };
      assert.equal(answer.total, 11, "the EU's events, as the profile counts them");
      await page.goto(`${base}/map?lang=${lang}`);
      assert.ok(
        (await page.locator(".map-overlay path").count()) >= 20,
        "the EU's member states are hatched",
      );
      await screenshot(page, `analyst-map-eu-${lang}`, { fullPage: false });
      await page.getByRole("link", { name: WORDS[lang].about }).click();
      await page.waitForURL(/\/about/);
      assert.match(await page.locator("main").innerText(), /CC BY 4\.0/);
      await screenshot(page, `analyst-about-${lang}`);
    });
});
