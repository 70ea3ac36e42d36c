import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { operator } from "../../src/domain/account.js";
import { addUser } from "../../src/app/accounts.js";
import {
  type BrowserHarness,
  browserSkip,
  describeViolations,
  screenshot,
  seriousViolations,
  startBrowserHarness,
  watchPageErrors,
} from "./browserHarness.js";

// Issue 26, done when: a contributor edits an event in the browser, an editor in another browser sees
// the difference in the queue and publishes it, and the change is in search and on the event page,
// whose history shows both revisions.

const ID = "2025-us-eo-14179-removing-barriers";
const PASSWORD = "a long enough password for tests";
const NEW_TITLE = "United States removes barriers to American AI leadership (Zebrafinch order)";

async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in?lang=en`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${baseUrl}/?lang=en`);
  assert.match(await page.locator(".account-bar").innerText(), /Signed in as/);
}

describe("editors and review (browser)", { skip: browserSkip }, () => {
  let harness: BrowserHarness;
  before(async () => {
    // Its own server: it publishes edits, which the suites sharing the other one must not see.
    harness = await startBrowserHarness({ ownServer: true });
    const services = { db: harness.db, now: () => new Date().toISOString() };
    await addUser(services, operator(null), {
      email: "ada@example.org",
      role: "contributor",
      password: PASSWORD,
      name: "Ada",
    });
    await addUser(services, operator(null), {
      email: "grace@example.org",
      role: "editor",
      password: PASSWORD,
      name: "Grace",
    });
  });
  after(() => harness?.stop());

  it("a contributor edits, an editor publishes, and search, the page and its history show it", async () => {
    const { baseUrl } = harness;
    // The contributor, in a browser of their own.
    const { page: ada } = await harness.newPage();
    const adaErrors = watchPageErrors(ada);
    await signIn(ada, baseUrl, "ada@example.org");
    await ada.goto(`${baseUrl}/events/${ID}?lang=en`);
    await ada.getByRole("link", { name: "Edit this event" }).click();
    await ada.waitForURL(new RegExp(`/events/${ID}/edit\\?lang=en$`));
    // "Add a row" adds an empty source row in place (the script), numbered next, nothing sent yet.
    const sourceRows = ada.locator('#f-sources [data-row="sources"]');
    const rowsBefore = await sourceRows.count();
    await ada.locator("#f-sources").getByRole("button", { name: "Add a row" }).click();
    assert.equal(await sourceRows.count(), rowsBefore + 1);
    assert.equal(await ada.locator(`#f-sources-${rowsBefore}-url`).inputValue(), "");
    assert.match(ada.url(), new RegExp(`/events/${ID}/edit\\?lang=en$`));
    const englishTitle = ada.locator("#f-title-en");
    assert.match(await englishTitle.inputValue(), /Executive Order 14179/);
    await englishTitle.fill(NEW_TITLE);
    await ada
      .getByLabel("Why this change (required)")
      .fill("The title as the White House fact sheet words it");
    const formViolations = await seriousViolations(ada);
    assert.equal(formViolations.length, 0, describeViolations(formViolations));
    await screenshot(ada, "editorial-edit-form");
    await ada.getByRole("button", { name: "Propose this change" }).click();
    await ada.waitForURL(/\/proposals\/\d+\?lang=en$/);
    const proposalUrl = ada.url();
    assert.match(await ada.locator(".proposal-meta").innerText(), /pending/);
    assert.match(await ada.locator(".diff-table").innerText(), /Zebrafinch/);
    assert.deepEqual(adaErrors, []);

    // The editor, in another browser context (other cookies); the sign-in page in Chinese first.
    const { page: signInZh } = await harness.newPage();
    await signInZh.goto(`${baseUrl}/sign-in?lang=zh`);
    assert.equal(await signInZh.locator("h1").innerText(), "登录");
    const signInViolations = await seriousViolations(signInZh);
    assert.equal(signInViolations.length, 0, describeViolations(signInViolations));

    const { page: grace } = await harness.newPage();
    const graceErrors = watchPageErrors(grace);
    await signIn(grace, baseUrl, "grace@example.org");
    await grace.getByRole("link", { name: "Review queue" }).click();
    await grace.waitForURL(`${baseUrl}/review?lang=en`);
    const row = grace.locator(".review-queue tbody tr", { hasText: "Ada" });
    assert.equal(await row.count(), 1);
    assert.match(await row.innerText(), /change/);
    const queueViolations = await seriousViolations(grace);
    assert.equal(queueViolations.length, 0, describeViolations(queueViolations));
    await screenshot(grace, "editorial-queue");
    await row.getByRole("link", { name: /^#\d+$/ }).click();
    await grace.waitForURL(proposalUrl);
    const added = await grace.locator('.diff-table tr[data-field="title"] .diff-after ins').allInnerTexts();
    assert.ok(
      added.some((text) => /Zebrafinch/.test(text)),
      `the added words are marked: ${added.join(" | ")}`,
    );
    assert.ok(
      (await grace.locator('.diff-table tr[data-field="title"] del').count()) >= 1,
      "the removed ones too",
    );
    assert.match(
      await grace.locator('.diff-table tr[data-field="title"] .diff-lang[lang="zh-CN"]').innerText(),
      /unchanged/,
      "the Chinese title beside it, unchanged",
    );
    const reviewViolations = await seriousViolations(grace);
    assert.equal(reviewViolations.length, 0, describeViolations(reviewViolations));
    await screenshot(grace, "editorial-proposal");
    await grace.getByLabel("Note (optional)").fill("Checked against the fact sheet");
    await grace.getByRole("button", { name: "Publish" }).click();
    await grace.waitForURL(proposalUrl);
    assert.match(await grace.locator(".proposal-meta").innerText(), /published/);
    assert.match(await grace.locator(".proposal-page").innerText(), /Published by Grace/);

    // Anyone (a third context, signed out) finds the change in search and on the event page.
    const { page: reader } = await harness.newPage();
    let found = 0;
    for (let attempt = 0; attempt < 20 && found === 0; attempt++) {
      await reader.goto(`${baseUrl}/search?q=Zebrafinch&lang=en`);
      found = await reader.locator(`.event-card__title a[href^="/events/${ID}"]`).count();
      if (!found) await reader.waitForTimeout(250);
    }
    assert.equal(found, 1, "search finds the new title (the live index follows the publication)");
    await reader.locator(`.event-card__title a[href^="/events/${ID}"]`).click();
    await reader.waitForURL(new RegExp(`/events/${ID}\\?lang=en$`));
    assert.equal(await reader.locator("h1").innerText(), NEW_TITLE);
    const revisions = reader.locator(".revisions > li");
    assert.equal(await revisions.count(), 2, "the history shows both revisions");
    const newest = await revisions.first().innerText();
    assert.match(newest, /Revision 2/);
    assert.match(newest, /by Ada/);
    assert.match(newest, /published by Grace/);
    assert.match(newest, /The title as the White House fact sheet words it/);
    await revisions.first().locator("summary").click();
    assert.match(await revisions.first().locator(".diff-table").innerText(), /Zebrafinch/);
    await screenshot(reader, "editorial-event-history");
    await revisions.nth(1).getByRole("link", { name: "Revision 1" }).click();
    await reader.waitForURL(new RegExp(`/events/${ID}/revisions/1\\?lang=en$`));
    assert.match(await reader.locator(".past-version").innerText(), /A past version: revision 1/);
    assert.match(await reader.locator("h1").innerText(), /Executive Order 14179/);
    assert.deepEqual(graceErrors, []);
  });
});
