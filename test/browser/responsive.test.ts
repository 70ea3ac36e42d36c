import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { type BrowserHarness, browserSkip, screenshot, startBrowserHarness } from "./browserHarness.js";

const VIEWS = [
  { name: "chronicle", path: "/?lang=zh" },
  { name: "search", path: "/search?q=AI&jurisdiction=EU&lang=en" },
  { name: "event", path: "/events/2025-us-eo-14179-removing-barriers?lang=en" },
];

describe("small screens and the keyboard (browser)", { skip: browserSkip }, () => {
  let harness: BrowserHarness;
  before(async () => {
    harness = await startBrowserHarness();
  });
  after(() => harness?.stop());

  for (const view of VIEWS)
    it(`${view.name} fits 360 px wide without sideways scrolling`, async () => {
      const { page } = await harness.newPage({ viewport: { width: 360, height: 740 } });
      await page.goto(`${harness.baseUrl}${view.path}`);
      const width = await page.evaluate(
        () =>
          (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
            .documentElement.scrollWidth,
      );
      assert.ok(width <= 360, `${view.name}: ${width}px`);
      await screenshot(page, `${view.name}-360`, { fullPage: false });
    });

  it("the first Tab shows the skip link, and Enter on it moves to the content", async () => {
    const { page } = await harness.newPage();
    await page.goto(`${harness.baseUrl}/?lang=en`);
    await page.keyboard.press("Tab");
    const focused = page.locator(".skip-link");
    assert.equal(
      await focused.evaluate(
        (el) => el === (el.ownerDocument as unknown as { activeElement: unknown }).activeElement,
      ),
      true,
    );
    const box = await focused.boundingBox();
    assert.ok(box && box.x >= 0, "the focused skip link is on screen");
    await page.keyboard.press("Enter");
    await page.waitForURL(/#main$/);
  });
});
