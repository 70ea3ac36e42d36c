import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { EVERY_PAGE } from "../everyPage.js";
import {
  type BrowserHarness,
  browserSkip,
  describeViolations,
  screenshot,
  seriousViolations,
  startBrowserHarness,
} from "./browserHarness.js";

const withLang = (path: string, lang: string) => `${path}${path.includes("?") ? "&" : "?"}lang=${lang}`;
const slug = (path: string) => path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "home";

describe("every page, zh and en, at 360 and 1280 px (browser)", { skip: browserSkip }, () => {
  let harness: BrowserHarness;
  before(async () => {
    harness = await startBrowserHarness();
  });
  after(() => harness?.stop());

  for (const lang of ["zh", "en"] as const)
    for (const width of [360, 1280])
      it(`no page scrolls sideways at ${width} px (${lang})`, async () => {
        const { page } = await harness.newPage({ viewport: { width, height: 800 } });
        const overflowing: string[] = [];
        for (const path of EVERY_PAGE) {
          const response = await page.goto(`${harness.baseUrl}${withLang(path, lang)}`);
          assert.ok((response?.status() ?? 500) < 400, `${path}: ${response?.status()}`);
          const overflow = Number(
            await page.evaluate(
              "document.documentElement.scrollWidth - document.documentElement.clientWidth",
            ),
          );
          if (overflow > 0) overflowing.push(`${path} by ${overflow}px`);
          if (width === 360) await screenshot(page, `every-${lang}-360-${slug(path)}`, { fullPage: false });
        }
        assert.deepEqual(overflowing, []);
      });

  // The pages this issue added, and search with its instruments and duties: the older ones are checked
  // by their own suites.
  for (const lang of ["zh", "en"] as const)
    for (const path of ["/deadlines", "/about", "/search?q=SB%2053"])
      it(`has no serious or critical accessibility violation on ${path} (${lang})`, async () => {
        const { page } = await harness.newPage();
        await page.goto(`${harness.baseUrl}${withLang(path, lang)}`);
        const violations = await seriousViolations(page);
        assert.equal(violations.length, 0, describeViolations(violations));
      });
});
