import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
  type BrowserHarness,
  browserSkip,
  describeViolations,
  screenshot,
  seriousViolations,
  startBrowserHarness,
} from "./browserHarness.js";

describe("the /check page (browser)", { skip: browserSkip }, () => {
  let harness: BrowserHarness;
  before(async () => {
    harness = await startBrowserHarness();
  });
  after(() => harness?.stop());

  it("fills in the form without JavaScript and shows the duties grouped by jurisdiction, articles as links", async () => {
    const { page } = await harness.newPage({ javaScriptEnabled: false });
    await page.goto(`${harness.baseUrl}/check?lang=en`);
    // Every control of the profile form has a label a screen reader announces.
    for (const id of await page
      .locator("form.check-form input:not([type=checkbox]):not([type=hidden]), form.check-form select")
      .evaluateAll((els) => els.map((e) => e.id)))
      assert.equal(await page.locator(`label[for="${id}"]`).count(), 1, id);
    await page.selectOption("#f-kind", "service");
    await page.selectOption("#f-role", "provider");
    await page.getByLabel("South Korea", { exact: true }).check();
    await page.getByLabel("China", { exact: true }).check();
    await page.getByLabel("image", { exact: true }).check();
    await page.selectOption("#f-generatesContent", "yes");
    await page.fill("#f-at", "2026-03-01");
    await page.getByRole("button", { name: "Check", exact: true }).click();
    await page.waitForSelector("#result");
    // The answer is a link: the profile is in the URL.
    assert.match(page.url(), /kind=service/);
    // A verdict per market leads, and the open duties come with the questions that decide them.
    assert.deepEqual(await page.locator("#result .check-market h3").allTextContents(), [
      "China",
      "South Korea",
    ]);
    assert.match(
      await page.locator("section[aria-labelledby=market-KR] .check-verdict").innerText(),
      /^Binds you now: \d+ duties; \d+ duties? cannot be decided yet/,
    );
    const link = page.locator("section[aria-labelledby=market-KR]").getByRole("link", { name: "Art. 31(2)" });
    assert.match((await link.getAttribute("href")) ?? "", /^https:\/\//);
    assert.match(
      await page.locator("section[aria-labelledby=questions-heading]").innerText(),
      // Korea's high-impact AI is decided by the areas of Art. 2(4), asked in the form's words.
      /In which areas listed in Art\. 2\(4\) of Korea's AI Basic Act is it used\?/,
    );
    assert.doesNotMatch(await page.locator("#result").innerText(), /\bNone\b/);
    // The form keeps what was entered.
    assert.equal(await page.inputValue("#f-at"), "2026-03-01");
    assert.equal(await page.locator("input[name=markets][value=KR]").isChecked(), true);
    await screenshot(page, "check-en");
  });

  it("shows the problems with a profile next to the form, with status 400", async () => {
    const { page } = await harness.newPage();
    await page.goto(`${harness.baseUrl}/check?lang=en`);
    await page.fill("#f-trainingFlop", "-5");
    const [response] = await Promise.all([
      page.waitForNavigation(),
      page.getByRole("button", { name: "Check", exact: true }).click(),
    ]);
    assert.equal(response?.status(), 400);
    assert.match(await page.getByRole("alert").innerText(), /Training compute \(FLOP\): expected/);
  });

  for (const lang of ["zh", "en"] as const)
    it(`has no serious or critical accessibility violation, form and answer (${lang})`, async () => {
      const { page } = await harness.newPage();
      await page.goto(
        `${harness.baseUrl}/check?lang=${lang}&kind=model&role=provider&trainingFlop=3e25&markets=EU&markets=CN&at=2026-09-01`,
      );
      const violations = await seriousViolations(page);
      assert.equal(violations.length, 0, describeViolations(violations));
    });
  it("follows what takes effect next from the home page to the instrument's page (zh)", async () => {
    const { page } = await harness.newPage();
    await page.goto(`${harness.baseUrl}/?lang=zh`);
    const next = page.locator('section[aria-labelledby="next-heading"] li a').first();
    const title = (await next.innerText()).trim();
    await Promise.all([page.waitForNavigation(), next.click()]);
    assert.match(new URL(page.url()).pathname, /^\/instruments\/[a-z0-9-]+$/);
    assert.equal((await page.locator("h1").innerText()).trim(), title);
    assert.ok((await page.locator(".obligation-list li").count()) > 0);
    const violations = await seriousViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await screenshot(page, "instrument-zh");
  });
});
