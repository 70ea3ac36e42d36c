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

describe("compare, charts and reports (browser)", { skip: browserSkip }, () => {
  let harness: BrowserHarness;
  before(async () => {
    harness = await startBrowserHarness();
  });
  after(() => harness?.stop());

  it("compares the chosen jurisdictions in columns aligned row by row, without JavaScript", async () => {
    const { page } = await harness.newPage({ javaScriptEnabled: false });
    await page.goto(`${harness.baseUrl}/compare?j=EU,CN,US&lang=en`);
    const columns = await page
      .locator(".compare-table thead th[data-code]")
      .evaluateAll((ths) => ths.map((th) => th.getAttribute("data-code")));
    assert.deepEqual(columns, ["EU", "CN", "US"]);
    // Every body row has one cell per column, so rows line up.
    const widths = await page
      .locator(".compare-table tbody tr:not(.group)")
      .evaluateAll((rows) => rows.map((row) => row.querySelectorAll("td").length));
    assert.ok(widths.every((n) => n === 3));
    // The picker is a plain form: removing a column is a link, adding one a GET submit.
    await page.locator('.compare-remove[aria-label*="China"]').click();
    await page.waitForURL(/j=EU%2CUS|j=EU,US/);
    assert.equal(await page.locator(".compare-table thead th[data-code]").count(), 2);
    await page.locator("#compare-add").selectOption("JP");
    await page.locator(".compare-add button").click();
    await page.waitForURL(/j=JP/);
    assert.deepEqual(
      await page
        .locator(".compare-table thead th[data-code]")
        .evaluateAll((ths) => ths.map((th) => th.getAttribute("data-code"))),
      ["EU", "US", "JP"],
    );
  });

  it("answers unknown codes with a friendly 400 page that offers the picker", async () => {
    const { page } = await harness.newPage();
    const response = await page.goto(`${harness.baseUrl}/compare?j=EU,QQ&lang=en`);
    assert.equal(response?.status(), 400);
    assert.match(await page.locator(".notice--error").innerText(), /QQ/);
    assert.ok((await page.locator(".compare-picker input[type=checkbox]").count()) > 2);
  });

  it("takes a screenshot of compare for the README", async () => {
    const { page } = await harness.newPage();
    const errors = watchPageErrors(page);
    await page.goto(`${harness.baseUrl}/compare?j=EU,CN,US&lang=en`);
    assert.deepEqual(errors, []);
    const path = await screenshot(page, "compare-en");
    copyFileSync(path, new URL("../../docs/screenshot-compare.png", import.meta.url));
  });

  it("gives every chart a data table and a CSV link to the same rows", async () => {
    const { page } = await harness.newPage();
    const errors = watchPageErrors(page);
    await page.goto(`${harness.baseUrl}/charts?lang=en`);
    const charts = page.locator("section.chart");
    assert.equal(await charts.count(), 4);
    for (let i = 0; i < 4; i++) {
      const chart = charts.nth(i);
      assert.equal(await chart.locator("svg").count(), 1);
      const rows = await chart.locator("table tbody tr").count();
      assert.ok(rows > 0);
      const href = (await chart.locator(".chart__csv a").getAttribute("href")) ?? "";
      const csv = await (await fetch(`${harness.baseUrl}${href}`)).text();
      assert.equal(csv.trim().split("\n").length, rows + 1, href);
    }
    // A tooltip follows the pointer over a bar.
    await charts.first().locator("[data-tip]").first().hover();
    assert.match(await charts.first().locator(".chart-tip").innerText(), /\d/);
    assert.deepEqual(errors, []);
    await screenshot(page, "charts-en");
  });

  it("previews a report for a chosen period and offers its downloads", async () => {
    const { page } = await harness.newPage({ javaScriptEnabled: false });
    await page.goto(`${harness.baseUrl}/reports?lang=en`);
    await page.locator("#report-from").fill("2025-06");
    await page.locator("#report-to").fill("2025-09");
    await page.locator("#report-jurisdiction").selectOption("EU");
    await page.locator(".report-form button").click();
    await page.waitForURL(/preview=1/);
    assert.ok((await page.locator(".report-preview .chronicle article").count()) > 0);
    assert.match(await page.locator(".report-preview .cover").innerText(), /2025/);
    const md = (await page.locator('.report-downloads a[href*="format=md"]').getAttribute("href")) ?? "";
    const response = await fetch(`${harness.baseUrl}${md}`);
    assert.equal(response.status, 200);
    assert.match(
      await response.text(),
      /^Global AI Governance Report, June–September 2025: European Union\n=+\n/,
    );
    await screenshot(page, "reports-en");
  });

  for (const lang of ["zh", "en"] as const)
    for (const path of ["/compare?j=EU,CN,US", "/charts", "/reports?preview=1&from=2025-11"])
      it(`has no serious or critical accessibility violation on ${path.split("?")[0]} (${lang})`, async () => {
        const { page } = await harness.newPage();
        await page.goto(`${harness.baseUrl}${path}${path.includes("?") ? "&" : "?"}lang=${lang}`);
        const violations = await seriousViolations(page);
        assert.equal(violations.length, 0, describeViolations(violations));
      });

  it("fits a 360 px wide screen without sideways scrolling of the page", async () => {
    const { page } = await harness.newPage({ viewport: { width: 360, height: 800 } });
    for (const path of ["/compare?j=EU,CN,US,JP", "/charts", "/reports?preview=1&from=2025-11"]) {
      await page.goto(`${harness.baseUrl}${path}`);
      const overflow = Number(
        await page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth"),
      );
      assert.ok(overflow <= 0, `${path} overflows by ${overflow}px`);
    }
  });
});
