import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { operator } from "../src/domain/account.js";
import { addUser } from "../src/app/accounts.js";
import { propose } from "../src/app/proposals.js";
import { sessionOf } from "../src/app/authentication.js";
import { ResponseCache } from "../src/http/responseCache.js";
import { SearchService } from "../src/search/searchService.js";
import { type AigovApp, createApp } from "../src/server/createApp.js";
import { type Database, openDatabase } from "../src/storage/database.js";
import { findCurrentRevision } from "../src/storage/repos/revisionRepo.js";
import { startInProcessApp } from "./inProcessApp.js";
import { createSqliteDatabase } from "./testDatabases.js";

// The web app of editors and review, as the server answers it (in process): signing in, the CSRF
// tokens of every form, what is cached for whom, the queue, the proposal page and suggestions.

const EVENT = "2025-us-eo-14179-removing-barriers";
const PASSWORD = "correct horse battery staple";
const services = (db: Database) => ({ db, now: () => new Date().toISOString() });

/** The cookies a response sets, as name → value. */
function setCookies(response: Response): Map<string, { value: string; line: string }> {
  const found = new Map<string, { value: string; line: string }>();
  for (const line of response.headers.getSetCookie()) {
    const [pair = ""] = line.split(";");
    const [name = "", ...value] = pair.split("=");
    found.set(name, { value: value.join("="), line });
  }
  return found;
}

/** The value of a hidden input in a page. */
function hidden(page: string, name: string): string | undefined {
  return new RegExp(`<input\\s+type="hidden"\\s+name="${name}"\\s+value="([^"]*)"`).exec(page)?.[1];
}

const unescape = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

/** Every field of the first form of a page as a browser would send it (inputs, textareas, selects). */
function formFields(page: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of page.matchAll(/<input[^>]*?\sname="([^"]+)"\s+value="([^"]*)"/g))
    fields[match[1] as string] = unescape(match[2] as string);
  for (const match of page.matchAll(/<textarea[^>]*?\sname="([^"]+)"[^>]*>\n?([^<]*)<\/textarea>/g))
    fields[match[1] as string] = unescape(match[2] as string);
  for (const match of page.matchAll(/<select[^>]*?\sname="([^"]+)"[\s\S]*?<\/select>/g)) {
    const chosen = /<option\s+value="([^"]*)"\s+selected/.exec(match[0]);
    fields[match[1] as string] = chosen?.[1] ?? "";
  }
  return fields;
}

const form = (fields: Record<string, string>) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields).toString(),
});

/** A browser of one reader: keeps the cookies the app sets and sends them back. */
class Reader {
  readonly jar = new Map<string, string>();
  constructor(private app: AigovApp) {}
  get cookie(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.jar.size) headers.set("cookie", this.cookie);
    const response = await this.app.hono.request(path, { ...init, headers });
    for (const [name, { value, line }] of setCookies(response)) {
      if (/Max-Age=0/.test(line)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return response;
  }
  /** Signs in through the page, as a browser would: the form's token, then the POST. */
  async signIn(email: string, password = PASSWORD): Promise<Response> {
    const page = await (await this.request("/sign-in?lang=en")).text();
    return this.request("/sign-in?lang=en", form({ csrf: hidden(page, "csrf") ?? "", email, password }));
  }
  async text(path: string): Promise<string> {
    return (await this.request(path)).text();
  }
}

async function accounts(db: Database) {
  for (const [email, role] of [
    ["contributor@example.org", "contributor"],
    ["editor@example.org", "editor"],
    ["other-editor@example.org", "editor"],
  ] as const)
    await addUser(services(db), operator(null), { email, role, password: PASSWORD, name: role });
}

describe("editorial web app", () => {
  let app: AigovApp;
  let db: Database;
  let stop: () => Promise<void>;
  before(async () => {
    ({ app, db, stop } = await startInProcessApp());
    await accounts(db);
  });
  after(() => stop());

  it("signs in: a session cookie HttpOnly, SameSite=Lax, for SESSION_DAYS, and the page knows who", async () => {
    const reader = new Reader(app);
    const signedIn = await reader.signIn("contributor@example.org");
    assert.equal(signedIn.status, 303);
    assert.equal(signedIn.headers.get("location"), "/?lang=en");
    const cookie = setCookies(signedIn).get("aigov_session");
    assert.ok(cookie?.value);
    assert.match(cookie.line, /HttpOnly/);
    assert.match(cookie.line, /SameSite=Lax/);
    assert.match(cookie.line, /Path=\//);
    assert.match(cookie.line, /Max-Age=1209600/);
    assert.doesNotMatch(cookie.line, /Secure/, "not over plain http");
    const page = await reader.text(`/events/${EVENT}?lang=en`);
    assert.match(page, /Signed in as contributor/);
    assert.match(page, /action="\/sign-out\?lang=en"/);
    assert.match(page, new RegExp(`href="/events/${EVENT}/edit\\?lang=en"`));
    assert.doesNotMatch(page, /Review queue/, "a contributor has no queue");
  });

  it("refuses a wrong password on the page (401) and throttles with the wait (429)", async () => {
    const reader = new Reader(app);
    const wrong = await reader.signIn("other-editor@example.org", "not the password at all");
    assert.equal(wrong.status, 401);
    assert.match(await wrong.text(), /Wrong email or password/);
    assert.equal(setCookies(wrong).has("aigov_session"), false);
    for (let i = 0; i < 4; i++) await reader.signIn("other-editor@example.org", "still wrong, again");
    const throttled = await reader.signIn("other-editor@example.org");
    assert.equal(throttled.status, 429, "even the right password waits");
    assert.match(await throttled.text(), /Too many failed sign-ins\. Try again in 15 minutes\./);
    const zh = new Reader(app);
    const page = await zh.text("/sign-in?lang=zh");
    const refused = await zh.request(
      "/sign-in?lang=zh",
      form({ csrf: hidden(page, "csrf") ?? "", email: "other-editor@example.org", password: PASSWORD }),
    );
    assert.match(await refused.text(), /登录失败次数过多，请 15 分钟后再试/);
  });

  it("refuses a form without its token, or with a wrong one (403), and changes nothing", async () => {
    const reader = new Reader(app);
    await reader.text("/sign-in?lang=en");
    const missing = await reader.request(
      "/sign-in?lang=en",
      form({ email: "editor@example.org", password: PASSWORD }),
    );
    assert.equal(missing.status, 403);
    assert.equal(setCookies(missing).has("aigov_session"), false);
    const wrong = await reader.request(
      "/sign-in?lang=en",
      form({ csrf: "x".repeat(43), email: "editor@example.org", password: PASSWORD }),
    );
    assert.equal(wrong.status, 403);
    assert.equal(setCookies(wrong).has("aigov_session"), false);

    // A signed-in reader's forms carry the session's token: another (the anonymous one) is refused.
    await reader.signIn("contributor@example.org");
    const before = await findCurrentRevision(db, EVENT);
    const edit = await reader.text(`/events/${EVENT}/edit?lang=en`);
    const fields = {
      baseRevision: hidden(edit, "baseRevision") ?? "",
      "title.en": "Changed without a token",
      "title.zh": before?.event.title.zh ?? "",
      "date.start": before?.event.date.start ?? "",
      note: "no token",
    };
    const noToken = await reader.request(`/events/${EVENT}/edit?lang=en`, form(fields));
    assert.equal(noToken.status, 403);
    const badToken = await reader.request(`/events/${EVENT}/edit?lang=en`, form({ ...fields, csrf: "nope" }));
    assert.equal(badToken.status, 403);
    const suggestion = await reader.request(`/events/${EVENT}/suggest?lang=en`, form({ note: "no token" }));
    assert.equal(suggestion.status, 403);
    const signOut = await reader.request("/sign-out?lang=en", form({ csrf: "wrong" }));
    assert.equal(signOut.status, 403);
    assert.match(await reader.text("/?lang=en"), /Signed in as contributor/, "still signed in");
    const pending = await db.selectFrom("proposals").select("id").where("note", "=", "no token").execute();
    assert.equal(pending.length, 0);
    assert.equal((await findCurrentRevision(db, EVENT))?.revision, before?.revision);
  });

  it("answers a reader without the session cookie without the session tables, and caches it as before", async () => {
    const fresh = await startInProcessApp();
    try {
      // With the sessions table gone, a read that looked it up would fail: none does.
      await fresh.db.schema.alterTable("sessions").renameTo("sessions_away").execute();
      const path = `/events/${EVENT}?lang=en`;
      const first = await fresh.app.hono.request(path);
      assert.equal(first.status, 200);
      assert.equal(first.headers.get("cache-control"), "public, max-age=60");
      const etag = first.headers.get("etag");
      assert.ok(etag);
      assert.match(await first.text(), /href="\/sign-in\?next=/);
      await fresh.app.hono.request(path);
      const key = ResponseCache.key(await fresh.app.readVersion(), "identity", path);
      assert.ok(fresh.app.cache.get(key), "kept on its second ask, as every read");
      const again = await fresh.app.hono.request(path, { headers: { "if-none-match": etag } });
      assert.equal(again.status, 304);
    } finally {
      await fresh.stop();
    }
  });

  it("answers a signed-in reader privately: never from or into the shared cache", async () => {
    const path = `/events/${EVENT}?lang=en`;
    await app.hono.request(path);
    await app.hono.request(path);
    const key = ResponseCache.key(await app.readVersion(), "identity", path);
    const shared = app.cache.get(key);
    assert.ok(shared, "the anonymous answer is cached");
    const reader = new Reader(app);
    await reader.signIn("editor@example.org");
    const etag = shared.headers.etag ?? "";
    const mine = await reader.request(path, { headers: { "if-none-match": etag } });
    assert.equal(mine.status, 200, "a public ETag is not matched for a signed-in reader");
    assert.equal(mine.headers.get("cache-control"), "private, no-store");
    assert.equal(mine.headers.get("etag"), null);
    const body = await mine.text();
    assert.match(body, /Signed in as editor/);
    assert.match(body, /Review queue/);
    assert.doesNotMatch(app.cache.get(key)?.body.toString() ?? "", /Signed in as/);
    // The sign-in page hands out a cookie: it is never cached either.
    const signIn = await app.hono.request("/sign-in?lang=en");
    assert.equal(signIn.headers.get("cache-control"), "private, no-store");
    await app.hono.request("/sign-in?lang=en");
    assert.equal(
      app.cache.get(ResponseCache.key(await app.readVersion(), "identity", "/sign-in?lang=en")),
      undefined,
    );
  });

  it("forbids the queue to a contributor (403) and sends an anonymous reader to sign in", async () => {
    const anonymous = await app.hono.request("/review?lang=en");
    assert.equal(anonymous.status, 303);
    assert.equal(anonymous.headers.get("location"), "/sign-in?next=%2Freview&lang=en");
    const contributor = new Reader(app);
    await contributor.signIn("contributor@example.org");
    const refused = await contributor.request("/review?lang=en");
    assert.equal(refused.status, 403);
    assert.match(await refused.text(), /Not allowed/);
    const editor = new Reader(app);
    await editor.signIn("editor@example.org");
    const queue = await editor.request("/review?lang=en");
    assert.equal(queue.status, 200);
  });

  it("files an edit as a proposal the author cannot publish, and another editor can", async () => {
    const author = new Reader(app);
    await author.signIn("editor@example.org");
    const edit = await author.text(`/events/${EVENT}/edit?lang=en`);
    const current = await findCurrentRevision(db, EVENT);
    assert.ok(current);
    const fields = formFields(edit);
    // A bad field comes back next to it, nothing filed.
    const bad = await author.request(
      `/events/${EVENT}/edit?lang=en`,
      form({ ...fields, "date.start": "2025-13-40", note: "a bad date" }),
    );
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /id="f-date-start-error"/);
    const filed = await author.request(
      `/events/${EVENT}/edit?lang=en`,
      form({ ...fields, "title.en": "Removing barriers (edited on the web)", note: "the official title" }),
    );
    assert.equal(filed.status, 303);
    const location = filed.headers.get("location") ?? "";
    assert.match(location, /^\/proposals\/\d+\?lang=en$/);
    const [, id] = /\/proposals\/(\d+)/.exec(location) ?? [];
    const row = await db
      .selectFrom("proposals")
      .selectAll()
      .where("id", "=", Number(id))
      .executeTakeFirstOrThrow();
    assert.deepEqual(Object.keys(JSON.parse(row.payload ?? "{}")), ["title"], "the patch holds what differs");

    const own = await author.text(location);
    assert.match(own, /This is your own proposal/);
    assert.doesNotMatch(own, /\/publish\?lang=en/);
    const page = await author.text(location);
    const publishOwn = await author.request(
      `/proposals/${id}/publish?lang=en`,
      form({ csrf: hidden(page, "csrf") ?? "" }),
    );
    assert.equal(publishOwn.status, 403);
    assert.equal((await findCurrentRevision(db, EVENT))?.revision, current.revision);

    // other-editor was throttled above: a third editor reviews.
    await addUser(services(db), operator(null), {
      email: "third@example.org",
      role: "editor",
      password: PASSWORD,
      name: "third",
    });
    const third = new Reader(app);
    await third.signIn("third@example.org");
    const view = await third.text(location);
    assert.match(view, /<del>[^<]*Barriers to American/);
    assert.match(view, /<ins>[^<]*edited on the web/);
    const published = await third.request(
      `/proposals/${id}/publish?lang=en`,
      form({ csrf: hidden(view, "csrf") ?? "", note: "checked" }),
    );
    assert.equal(published.status, 303);
    assert.equal((await findCurrentRevision(db, EVENT))?.revision, current.revision + 1);
    const eventPage = await third.text(`/events/${EVENT}?lang=en`);
    assert.match(eventPage, /edited on the web/);
    assert.match(eventPage, new RegExp(`href="/events/${EVENT}/revisions/${current.revision}\\?lang=en"`));
    assert.match(eventPage, new RegExp(`href="/proposals/${id}\\?lang=en"`));
    const past = await third.text(`/events/${EVENT}/revisions/${current.revision}?lang=en`);
    assert.match(past, /A past version: revision/);
    assert.doesNotMatch(past, /edited on the web<\/h1>/);
  });

  it("shows a conflict (409) with what changed when the base revision moved", async () => {
    const current = await findCurrentRevision(db, EVENT);
    assert.ok(current);
    const contributor = await db
      .selectFrom("users")
      .select("id")
      .where("email", "=", "contributor@example.org")
      .executeTakeFirstOrThrow();
    const actor = {
      kind: "account",
      userId: contributor.id,
      email: "contributor@example.org",
      name: "contributor",
      role: "contributor",
      via: "token",
      address: null,
    } as const;
    const first = await propose(services(db), actor, {
      kind: "change",
      eventId: EVENT,
      patch: { tags: ["first-change"] },
      baseRevision: current.revision,
      note: "one",
    });
    const second = await propose(services(db), actor, {
      kind: "change",
      eventId: EVENT,
      patch: { tags: ["second-change"] },
      baseRevision: current.revision,
      note: "two",
    });
    const editor = new Reader(app);
    await editor.signIn("third@example.org");
    const page1 = await editor.text(`/proposals/${first.id}?lang=en`);
    assert.equal(
      (
        await editor.request(
          `/proposals/${first.id}/publish?lang=en`,
          form({ csrf: hidden(page1, "csrf") ?? "" }),
        )
      ).status,
      303,
    );
    const page2 = await editor.text(`/proposals/${second.id}?lang=en`);
    assert.match(page2, /The event has changed since this proposal was made/);
    const refused = await editor.request(
      `/proposals/${second.id}/publish?lang=en`,
      form({ csrf: hidden(page2, "csrf") ?? "" }),
    );
    assert.equal(refused.status, 409);
    const text = await refused.text();
    assert.match(text, /Not published: baseRevision/);
    assert.match(text, /What changed in the event since this proposal was made/);
    assert.match(text, /<ins>first change<\/ins>/);
    const reject = await editor.request(
      `/proposals/${second.id}/reject?lang=en`,
      form({ csrf: hidden(page2, "csrf") ?? "", note: "" }),
    );
    assert.equal(reject.status, 400, "a rejection needs a note");
  });

  it("takes anyone's suggestion into the queue as pending, limited per address", async () => {
    const reader = new Reader(app);
    const page = await reader.text(`/events/${EVENT}?lang=en`);
    assert.match(page, new RegExp(`href="/events/${EVENT}/suggest\\?lang=en"`));
    const suggest = await reader.request(`/events/${EVENT}/suggest?lang=en`);
    assert.equal(suggest.headers.get("cache-control"), "private, no-store");
    const csrf = hidden(await suggest.text(), "csrf") ?? "";
    const sent = await reader.request(
      `/events/${EVENT}/suggest?lang=en`,
      form({
        csrf,
        note: "The date is the signing, not the publication",
        sourceUrl: "https://www.federalregister.gov/",
      }),
    );
    assert.equal(sent.status, 303);
    const [, id] = /\/proposals\/(\d+)/.exec(sent.headers.get("location") ?? "") ?? [];
    const row = await db
      .selectFrom("proposals")
      .selectAll()
      .where("id", "=", Number(id))
      .executeTakeFirstOrThrow();
    assert.equal(row.status, "pending");
    assert.equal(row.kind, "suggestion");
    const editor = new Reader(app);
    await editor.signIn("third@example.org");
    assert.match(await editor.text("/review?lang=en"), new RegExp(`/proposals/${id}\\?lang=en`));
    let last: Response | undefined;
    for (let i = 0; i < 5; i++)
      last = await reader.request(`/events/${EVENT}/suggest?lang=en`, form({ csrf, note: `again ${i}` }));
    assert.equal(last?.status, 429);
    assert.match(await (last as Response).text(), /Too many suggestions from your address/);
  });

  it("adds and removes rows of sources without a script, and refuses a bad one next to its row", async () => {
    const other = await db
      .selectFrom("events")
      .select("id")
      .where("id", "!=", EVENT)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const before = await findCurrentRevision(db, other.id);
    assert.ok(before && before.event.sources.length >= 1);
    const n = before.event.sources.length;
    const reader = new Reader(app);
    await reader.signIn("contributor@example.org");
    const path = `/events/${other.id}/edit?lang=en`;
    const edit = await reader.text(path);
    assert.equal(edit.match(/data-row="sources"/g)?.length, n + 1, "each source and one empty row");
    const more = await reader.request(path, form({ ...formFields(edit), action: "add-sources" }));
    assert.equal(more.status, 200);
    const longer = await more.text();
    assert.equal(longer.match(/data-row="sources"/g)?.length, n + 2, "one row more, nothing filed");
    const fields = formFields(longer);
    const bad = await reader.request(
      path,
      form({ ...fields, [`sources.${n + 1}.url`]: "ftp://example.org/x", note: "a new source" }),
    );
    assert.equal(bad.status, 400);
    assert.match(
      await bad.text(),
      new RegExp(`id="f-sources-${n + 1}-url-error"[^>]*>expected an http\\(s\\) URL`),
    );
    const filed = await reader.request(
      path,
      form({
        ...fields,
        "sources.0.remove": "on",
        [`sources.${n + 1}.url`]: "https://example.org/official-text",
        [`sources.${n + 1}.publisher`]: "Example Gazette",
        note: "the official text instead of the first source",
      }),
    );
    assert.equal(filed.status, 303);
    const [, id] = /\/proposals\/(\d+)/.exec(filed.headers.get("location") ?? "") ?? [];
    const row = await db
      .selectFrom("proposals")
      .selectAll()
      .where("id", "=", Number(id))
      .executeTakeFirstOrThrow();
    const patch = JSON.parse(row.payload ?? "{}") as { sources: { url: string | null }[] };
    assert.deepEqual(Object.keys(patch), ["sources"]);
    assert.equal(patch.sources.length, n);
    assert.equal(patch.sources.at(-1)?.url, "https://example.org/official-text");
    assert.ok(
      !patch.sources.some((s) => s.url === before.event.sources[0]?.url && before.event.sources[0]?.url),
    );
    const proposal = await reader.text(`/proposals/${id}?lang=zh`);
    assert.match(proposal, /<ins>[^<]*https:\/\/example\.org\/official-text/);
    assert.match(proposal, /发布后将改动的内容/);
  });

  it("signs out (this session) and everywhere (every session of the account)", async () => {
    const one = new Reader(app);
    const two = new Reader(app);
    await one.signIn("contributor@example.org");
    await two.signIn("contributor@example.org");
    const page = await one.text("/?lang=en");
    const out = await one.request(
      "/sign-out?lang=en",
      form({ csrf: hidden(page, "csrf") ?? "", next: "/search" }),
    );
    assert.equal(out.status, 303);
    assert.equal(out.headers.get("location"), "/search?lang=en");
    assert.equal(one.jar.has("aigov_session"), false);
    assert.match(await two.text("/?lang=en"), /Signed in as contributor/, "the other session lives");
    await one.signIn("contributor@example.org");
    const signInPage = await one.text("/sign-in?lang=en");
    const everywhere = await one.request(
      "/sign-out-everywhere?lang=en",
      form({ csrf: hidden(signInPage, "csrf") ?? "" }),
    );
    assert.equal(everywhere.status, 303);
    const stale = await two.request("/?lang=en");
    assert.doesNotMatch(await stale.text(), /Signed in as/);
    assert.match(
      stale.headers.getSetCookie().join("\n"),
      /aigov_session=; .*Max-Age=0/,
      "the dead cookie is dropped",
    );
  });

  it("keeps a reader's subscriptions: the form filled from the view, the list with its log, remove", async () => {
    const anonymous = await app.hono.request("/subscriptions?lang=en");
    assert.equal(anonymous.status, 303, "signing in comes first");
    const reader = new Reader(app);
    await reader.signIn("contributor@example.org");
    const event = await reader.text(`/events/${EVENT}?lang=en`);
    assert.match(event, new RegExp(`href="/subscriptions\\?event=${EVENT}&amp;lang=en"`));
    const page = await reader.text("/subscriptions?q=AI%20Act&jurisdiction=EU&lang=en");
    assert.match(page, /You follow nothing yet/);
    assert.match(page, /name="q" maxlength="200" value="AI Act"/);
    const made = await reader.request(
      "/subscriptions?lang=en",
      form({
        csrf: hidden(page, "csrf") ?? "",
        name: "EU AI Act",
        q: "AI Act",
        jurisdiction: "eu",
        digest: "weekly",
      }),
    );
    assert.equal(made.status, 303);
    const listed = await reader.text("/subscriptions?lang=en");
    assert.match(listed, /<h2 id="sub-[a-z0-9]+">EU AI Act<\/h2>/);
    assert.match(
      listed.replace(/\s+/g, " "),
      /Search “AI Act” · EU → e-mail to contributor@example\.org \(weekly\)/,
    );
    const refused = await reader.request(
      "/subscriptions?lang=en",
      form({
        csrf: hidden(listed, "csrf") ?? "",
        webhook: "http://127.0.0.1:9/hook",
        secret: "sixteen characters at least",
      }),
    );
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /on the server&#39;s own network|on the server's own network/);
    const id = /<h2 id="(sub-[a-z0-9]+)">/.exec(listed)?.[1] ?? "";
    const removed = await reader.request(
      "/subscriptions/remove?lang=en",
      form({ csrf: hidden(listed, "csrf") ?? "", id }),
    );
    assert.equal(removed.status, 303);
    assert.match(await reader.text("/subscriptions?lang=zh"), /您尚未订阅任何内容/);
    const forged = await new Reader(app).request("/subscriptions/remove?lang=en", form({ id }));
    assert.equal(forged.status, 403, "no CSRF token, no removal");
  });
});

describe("sessions kept in the database", () => {
  it("are known to a second server over the same database, and survive a restart", async () => {
    const store = await createSqliteDatabase();
    const open = async () => {
      const db = await openDatabase(store.location);
      return { db, app: createApp({ db, search: new SearchService(db), versionMaxAgeMs: 0 }) };
    };
    const first = await open();
    const second = await open();
    try {
      const { loadBundledDatasetIfEmpty } = await import("../src/import/bundledDataset.js");
      await loadBundledDatasetIfEmpty(first.db);
      await accounts(first.db);
      const reader = new Reader(first.app);
      await reader.signIn("editor@example.org");
      const cookie = reader.jar.get("aigov_session") ?? "";
      assert.ok(await sessionOf(services(first.db), cookie, null));
      const elsewhere = await second.app.hono.request("/?lang=en", { headers: { cookie: reader.cookie } });
      assert.match(await elsewhere.text(), /Signed in as editor/);
      await first.db.destroy();
      const restarted = await open();
      try {
        const back = await restarted.app.hono.request("/review?lang=en", {
          headers: { cookie: reader.cookie },
        });
        assert.equal(back.status, 200);
        assert.match(await back.text(), /Signed in as editor/);
      } finally {
        await restarted.db.destroy();
      }
    } finally {
      await second.db.destroy();
      await store.drop();
    }
  });

  it("marks the cookies Secure when the site is served over HTTPS", async () => {
    const { app, db, stop } = await startInProcessApp({ baseUrl: "https://aigov.example" });
    try {
      await accounts(db);
      const reader = new Reader(app);
      const signedIn = await reader.signIn("editor@example.org");
      assert.match(setCookies(signedIn).get("aigov_session")?.line ?? "", /; Secure/);
    } finally {
      await stop();
    }
  });
});
