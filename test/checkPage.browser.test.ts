import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { withChromium } from "../src/report/chromium.js";
import { startTestServer } from "./apiServer.js";

describe("the /check page in a browser", () => {
  let base = "";
  let harness: Awaited<ReturnType<typeof startTestServer>>;
  before(async () => {
    harness = await startTestServer();
    base = harness.server.url;
  });
  after(() => harness.stop());

  it("fills in the form without JavaScript and shows the duties grouped by jurisdiction, articles as links", async () => {
    await withChromium(async (browser) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${base}/check?lang=en`);
      // Every control has a label a screen reader announces.
      for (const id of await page
        .locator("form input:not([type=checkbox]), form select")
        .evaluateAll((els) => els.map((e) => e.id)))
        assert.equal(await page.locator(`label[for="${id}"]`).count(), 1, id);
      await page.selectOption("#f-kind", "service");
      await page.selectOption("#f-role", "provider");
      await page.getByLabel("KR", { exact: true }).check();
      await page.getByLabel("CN", { exact: true }).check();
      await page.getByLabel("image", { exact: true }).check();
      await page.selectOption("#f-generatesContent", "yes");
      await page.fill("#f-at", "2026-03-01");
      await page.getByRole("button", { name: "Check" }).click();
      await page.waitForSelector("#result");
      const applies = page.locator("section[aria-labelledby=applies-heading]");
      assert.deepEqual(await applies.locator("h4").allTextContents(), ["CN", "KR"]);
      const link = applies.getByRole("link", { name: "Art. 31(2)" });
      assert.match((await link.getAttribute("href")) ?? "", /^https:\/\//);
      assert.match(await page.locator("section[aria-labelledby=missing-heading]").innerText(), /sector/);
      // The form keeps what was entered.
      assert.equal(await page.inputValue("#f-at"), "2026-03-01");
      assert.equal(await page.getByLabel("KR", { exact: true }).isChecked(), true);
      await context.close();
    });
  });

  it("shows the problems with a profile next to the form", async () => {
    await withChromium(async (browser) => {
      const page = await browser.newPage();
      await page.goto(`${base}/check?lang=en`);
      await page.fill("#f-trainingFlop", "-5");
      await page.getByRole("button", { name: "Check" }).click();
      const alert = page.getByRole("alert");
      assert.match(await alert.innerText(), /trainingFlop/);
    });
  });
});
