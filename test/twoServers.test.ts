import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { addUser, createToken } from "../src/app/accounts.js";
import { operator } from "../src/domain/account.js";
import { loadBundledDatasetIfEmpty } from "../src/import/bundledDataset.js";
import { openDatabase } from "../src/storage/database.js";
import { type ServeProcess, startServe, waitFor } from "./serveProcess.js";
import { DIALECTS, type TestDatabase } from "./testDatabases.js";

// Several `aigov serve` processes on one database, as behind a load balancer: a session made on one
// is known to the other, signing out everywhere on one ends it on both, and a change published through
// one is read from the other within a second.

const PASSWORD = "correct horse battery staple";
const EVENT = "2025-us-eo-14179-removing-barriers";

/** A browser against one server: keeps the cookies it sets, sends them back, follows no redirect. */
class Browser {
  readonly jar = new Map<string, string>();
  async request(server: ServeProcess, path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.jar.size) headers.set("cookie", [...this.jar].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await fetch(`${server.url}${path}`, { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const [name = "", ...value] = pair.split("=");
      if (/Max-Age=0/i.test(line)) this.jar.delete(name);
      else this.jar.set(name, value.join("="));
    }
    return response;
  }
  /** Posts the first form of a page with its hidden CSRF token and the given fields. */
  async submit(server: ServeProcess, page: string, path: string, fields: Record<string, string>) {
    const html = await (await this.request(server, page)).text();
    const csrf = /<input\s+type="hidden"\s+name="csrf"\s+value="([^"]*)"/.exec(html)?.[1] ?? "";
    return this.request(server, path, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrf, ...fields }).toString(),
    });
  }
}

for (const dialect of DIALECTS) {
  describe(`two servers on one database (${dialect.name})`, { skip: dialect.skip }, () => {
    let store: TestDatabase;
    let one: ServeProcess;
    let two: ServeProcess;
    const tokens: Record<string, string> = {};

    before(async () => {
      store = await dialect.create();
      const db = await openDatabase(store.location);
      await loadBundledDatasetIfEmpty(db);
      const services = { db, now: () => new Date().toISOString() };
      for (const [email, role] of [
        ["ada@example.org", "contributor"],
        ["eve@example.org", "editor"],
      ] as const) {
        await addUser(services, operator(null), { email, role, password: PASSWORD });
        tokens[role] = (await createToken(services, operator(null), email)).token;
      }
      await db.destroy();
      [one, two] = await Promise.all([startServe(store.arg), startServe(store.arg)]);
    });
    after(async () => {
      await Promise.all([one?.stop(), two?.stop()]);
      await store.drop();
    });

    it("shares sessions: signed in on one, known on the other, signed out everywhere on both", async () => {
      const ada = new Browser();
      const signedIn = await ada.submit(one, "/sign-in?lang=en", "/sign-in?lang=en", {
        email: "ada@example.org",
        password: PASSWORD,
      });
      assert.equal(signedIn.status, 303, await signedIn.text());
      // The other server knows the session: a contributor is refused the queue (403), not sent to sign in.
      assert.equal((await ada.request(two, "/review?lang=en")).status, 403);
      const session = ada.jar.get("aigov_session");
      assert.ok(session);
      const ended = await ada.submit(two, `/events/${EVENT}?lang=en`, "/sign-out-everywhere?lang=en", {});
      assert.equal(ended.status, 303, await ended.text());
      // The first server no longer knows it either: the queue sends the reader to sign in.
      // The same cookie, sent again (the answer told this browser to drop it; a stolen copy would not).
      ada.jar.set("aigov_session", session);
      const after = await ada.request(one, "/review?lang=en");
      assert.equal(after.status, 303);
      assert.match(after.headers.get("location") ?? "", /^\/sign-in/);
    });

    it("publishes through one server and reads the change from the other within a second", async () => {
      const api = (server: ServeProcess, path: string, token: string, body?: unknown) =>
        fetch(`${server.url}${path}`, {
          method: body === undefined ? "GET" : "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      const proposed = await api(one, "/api/proposals", tokens.contributor as string, {
        eventId: EVENT,
        patch: { title: { en: "Removing barriers to American leadership in AI (checked on two servers)" } },
        baseRevision: 1,
        note: "title as in the Federal Register",
      });
      assert.equal(proposed.status, 201, await proposed.clone().text());
      const { id } = (await proposed.json()) as { id: number };
      const published = await api(two, `/api/proposals/${id}/publish`, tokens.editor as string, {});
      assert.equal(published.status, 200, await published.clone().text());
      await waitFor(
        async () => {
          const found = await fetch(`${one.url}/api/events?q=${encodeURIComponent("two servers")}&lang=en`);
          return ((await found.json()) as { total: number }).total === 1;
        },
        3000,
        "the first server finds the change published through the second",
      );
    });
  });
}
