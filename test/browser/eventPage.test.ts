import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { correctionsByEvent } from "../../src/domain/correctionsByEvent.js";
import { bundledObligations } from "../../src/reference/obligationsData.js";
import {
  type BrowserHarness,
  browserSkip,
  describeViolations,
  screenshot,
  seriousViolations,
  startBrowserHarness,
  watchPageErrors,
} from "./browserHarness.js";

const ID = "2025-us-eo-14179-removing-barriers";

describe("event page (browser)", { skip: browserSkip }, () => {
  let harness: BrowserHarness;
  before(async () => {
    harness = await startBrowserHarness();
  });
  after(() => harness?.stop());

  it("is reached from the chronicle, shows its sources as links and JSON-LD that parses", async () => {
    const { page } = await harness.newPage();
    const errors = watchPageErrors(page);
    await page.goto(`${harness.baseUrl}/?lang=en`);
    await page.locator(`.event-card__title a[href^="/events/${ID}"]`).click();
    await page.waitForURL(new RegExp(`/events/${ID}\\?lang=en`));
    const sources = await page
      .locator(".footnotes li a")
      .evaluateAll((as) => as.map((a) => (a as unknown as { href: string }).href));
    assert.ok(sources.length >= 2);
    assert.ok(
      sources.every((href) => href.startsWith("https://")),
      sources.join(" "),
    );
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    assert.equal(blocks.length, 1);
    const ld = JSON.parse(blocks[0] ?? "") as Record<string, unknown>;
    assert.equal(ld["@type"], "Legislation");
    assert.equal(ld.legislationDate, "2025-01-20");
    assert.match(String(ld.name), /Executive Order 14179/);
    assert.equal(
      await page.locator('link[rel="canonical"]').getAttribute("href"),
      `${harness.baseUrl}/events/${ID}?lang=en`,
    );
    assert.ok(await page.locator('meta[property="og:title"]').getAttribute("content"));
    assert.ok((await page.locator(".revisions li").count()) >= 1, "revision history from storage");
    assert.match(
      await page.locator(".cite p").innerText(),
      /aigov\. “United States issues Executive Order 14179/,
    );
    const csl = JSON.parse((await page.locator(".cite pre code").textContent()) ?? "[]") as {
      URL?: string;
    }[];
    assert.ok(csl.length >= 3 && csl[0]?.URL?.endsWith(`/events/${ID}?lang=en`));
    assert.deepEqual(errors, []);
    await screenshot(page, "event-en");
  });

  it("resolves relations to links where the target exists", async () => {
    const { page } = await harness.newPage();
    const related = await page.request.get(`${harness.baseUrl}/api/events?limit=500`);
    const { items } = (await related.json()) as {
      items: { id: string; relations: { target: string | null }[] }[];
    };
    const withTarget = items.find((e) => e.relations.some((r) => r.target));
    if (!withTarget) return; // the bundled data may hold only relations to instruments outside it
    await page.goto(`${harness.baseUrl}/events/${withTarget.id}?lang=zh`);
    const target = withTarget.relations.find((r) => r.target)?.target;
    assert.equal(await page.locator(`.related-list a[href^="/events/${target}"]`).count(), 1);
  });

  it("works without JavaScript and answers a missing event with a 404 page", async () => {
    const { page } = await harness.newPage({ javaScriptEnabled: false });
    const response = await page.goto(`${harness.baseUrl}/events/${ID}?lang=zh`);
    assert.equal(response?.status(), 200);
    assert.match(await page.locator("h1").innerText(), /14179/);
    assert.ok((await page.locator(".summary-text").count()) === 2, "both languages side by side");
    await screenshot(page, "event-zh");
    const missing = await page.goto(`${harness.baseUrl}/events/no-such-event?lang=en`);
    assert.equal(missing?.status(), 404);
    assert.equal(await page.locator("h1").innerText(), "Page not found");
  });

  for (const lang of ["zh", "en"] as const)
    it(`shows each correction beside the field it corrects, accessibly (${lang})`, async () => {
      // Whichever event data/corrections corrects first: the test holds for any number of corrections.
      const [id, corrections] = [...correctionsByEvent(bundledObligations().corrections)][0] ?? [];
      assert.ok(id && corrections, "data/corrections holds at least one correction");
      const { page } = await harness.newPage();
      await page.goto(`${harness.baseUrl}/events/${id}?lang=${lang}`);
      const where = await page.locator(".event-page .correction-note").evaluateAll((notes) =>
        notes.map((note) => {
          const n = note as unknown as {
            dataset: { field: string };
            parentElement: { tagName: string } | null;
            previousElementSibling: { className: string; tagName: string } | null;
          };
          return `${n.dataset.field}:${n.parentElement?.tagName === "DD" ? "DD" : n.previousElementSibling?.className || n.previousElementSibling?.tagName}`;
        }),
      );
      assert.equal(where.length, corrections.length);
      for (const place of where) {
        const [field, after] = place.split(":");
        const expected =
          field === "title"
            ? /^(H1|title-other|correction-note)$/
            : field === "summary"
              ? /^(summaries|correction-note)$/
              : /^DD$/;
        assert.match(after ?? "", expected, place);
      }
      await screenshot(page, `event-corrected-${lang}`);
      const violations = await seriousViolations(page);
      assert.equal(violations.length, 0, describeViolations(violations));
    });

  for (const lang of ["zh", "en"] as const)
    it(`has no serious or critical accessibility violation (${lang})`, async () => {
      const { page } = await harness.newPage();
      await page.goto(`${harness.baseUrl}/events/${ID}?lang=${lang}`);
      const violations = await seriousViolations(page);
      assert.equal(violations.length, 0, describeViolations(violations));
    });
});
