import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { deliverDue } from "../src/app/deliveries.js";
import { recordReferenceChanges } from "../src/app/referenceChanges.js";
import { bundledObligations } from "../src/reference/obligationsData.js";
import { type Mailer, type MailMessage, smtpMailer } from "../src/app/mailer.js";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { DIALECTS } from "./testDatabases.js";
import { type EditorialApp, startEditorialApp } from "./editorialApiApp.js";
import { cliArgv } from "./builtCli.js";
import { startReceiver } from "./webhookReceiver.js";
import { runCli, tempDir } from "./runCli.js";

/** `aigov subscriptions deliver` as a process of its own (from the build): one server's round. */
function deliverProcess(db: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(
    process.execPath,
    [...cliArgv(), "subscriptions", "deliver", "--db", db, "--base-url", "https://aigov.example"],
    {
      // The receivers of this suite are on localhost.
      env: { PATH: process.env.PATH ?? "", HOME: tempDir(), AIGOV_ALLOW_PRIVATE_WEBHOOKS: "1" },
    },
  );
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stderr })));
}

// Subscriptions end to end, in process on both dialects: the API that makes them, the outbox written
// with each published change (imported by the operator or published from review), the fan-out to the
// subscriptions that match, webhook deliveries with their signature and retries, e-mail digests.

const SECRET = "a webhook secret of some length";
const signed = (body: string) => `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`;

/** Two events of the contract's shape: one of the EU, one of China. */
function newEvents() {
  const event = (id: string, jurisdiction: string, title: string) => ({
    id,
    seq: null,
    title: { en: title },
    summary: { en: `${title}, as a test records it.` },
    date: { start: "2026-11-20", end: null, precision: "day" },
    jurisdictions: [jurisdiction],
    level: jurisdiction === "EU" ? "regional" : "national",
    type: "guideline",
    bindingness: "voluntary",
    tags: [],
    sources: [{ note: null, url: "https://example.org/source", publisher: "Example", text: "Example." }],
  });
  return [
    event("2026-eu-test-guideline", "EU", "Commission guideline on testing"),
    event("2026-cn-test-guideline", "CN", "Test guideline of China"),
  ];
}

/**
 * A local SMTP server (the smtp-server package) and aigov's own SMTP mailer pointed at it: `sent` holds
 * what the server received, parsed back into subject, text and headers.
 */
async function startSmtp() {
  const received: MailMessage[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        void simpleParser(Buffer.concat(chunks)).then((mail) => {
          received.push({
            to: mail.to && !Array.isArray(mail.to) ? mail.to.text : "",
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
            headers: Object.fromEntries(
              [...mail.headerLines].map((h) => [h.key, h.line.slice(h.key.length + 1).trim()]),
            ),
          });
          done();
        });
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  const real = smtpMailer(`smtp://127.0.0.1:${port}`, "aigov <aigov@example.org>");
  const mailer: Mailer & { sent: MailMessage[] } = { sent: received, send: (message) => real.send(message) };
  return { mailer, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A recording mailer: what a real SMTP server would have been handed. */
function recordingMailer(): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return { sent, send: async (message) => void sent.push(message) };
}

for (const dialect of DIALECTS) {
  describe(`subscriptions (${dialect.name})`, { skip: dialect.skip }, () => {
    let app: EditorialApp;
    let receiver: Awaited<ReturnType<typeof startReceiver>>;
    let analyst: Awaited<ReturnType<EditorialApp["account"]>>;
    let editor: Awaited<ReturnType<EditorialApp["account"]>>;

    before(async () => {
      app = await startEditorialApp(dialect, {
        allowPrivateWebhooks: true,
        baseUrl: "https://aigov.example",
      });
      receiver = await startReceiver();
      analyst = await app.account("analyst", "contributor");
      editor = await app.account("editor", "editor");
    });
    after(async () => {
      await receiver.close();
      await app.stop();
    });

    /** `aigov import FILE` by the operator, in process, on the app's database. */
    const operatorImports = async (file: string) => {
      const run = await runCli(["import", file, "--db", app.store.arg]);
      assert.equal(run.code, 0, run.stderr);
    };
    /** A contributor's change of an event's English summary, published by an editor. */
    const publishChange = async (eventId: string, summary: string) => {
      const revisions = (await (await app.call("GET", `/api/events/${eventId}/revisions`)).json()) as {
        revisions: { revision: number }[];
      };
      const current = (await (await app.call("GET", `/api/events/${eventId}`)).json()) as {
        summary: Record<string, string>;
      };
      const proposed = await app.call("POST", "/api/proposals", {
        token: analyst.token,
        body: {
          eventId,
          patch: { summary: { ...current.summary, en: summary } },
          baseRevision: revisions.revisions.at(-1)?.revision,
          note: summary,
        },
      });
      assert.equal(proposed.status, 201, await proposed.clone().text());
      const { id } = (await proposed.json()) as { id: number };
      assert.equal(
        (await app.call("POST", `/api/proposals/${id}/publish`, { token: editor.token })).status,
        200,
      );
    };
    const subscribe = (body: unknown, token = analyst.token) =>
      app.call("POST", "/api/subscriptions", { token, body });

    it("refuses the unsigned, bad fields by name, and a digest to someone else's address", async () => {
      assert.equal((await app.call("GET", "/api/subscriptions")).status, 401);
      const noScope = await subscribe({ webhook: { url: receiver.url, secret: SECRET } });
      assert.equal(noScope.status, 400);
      assert.match(((await noScope.json()) as { detail: string }).detail, /scope/);
      const shortSecret = await subscribe({
        scope: { kind: "jurisdiction", code: "EU" },
        webhook: { url: receiver.url, secret: "short" },
      });
      assert.match(
        ((await shortSecret.json()) as { detail: string }).detail,
        /webhook\.secret: expected a secret of at least 16/,
      );
      const stranger = await subscribe({
        scope: { kind: "jurisdiction", code: "EU" },
        email: { address: "stranger@example.org", digest: "daily" },
      });
      assert.equal(stranger.status, 403);
      const unknownEvent = await subscribe({
        scope: { kind: "event", id: "no-such-event" },
        webhook: { url: receiver.url, secret: SECRET },
      });
      assert.equal(unknownEvent.status, 404);
      assert.equal(
        (
          (await app.call("GET", "/api/subscriptions", { token: analyst.token }).then((r) => r.json())) as {
            subscriptions: unknown[];
          }
        ).subscriptions.length,
        0,
      );
    });

    it("is kept at the command line too: add, list, deliveries, remove, and a bad value named by its option", async () => {
      const db = ["--db", app.store.arg];
      const bad = await runCli(["subscriptions", "add", "--webhook", "ftp://x", "--secret", SECRET, ...db]);
      assert.deepEqual([bad.code, bad.stderr], [2, "error: --webhook: expected an http or https URL\n"]);
      const added = await runCli([
        "subscriptions",
        "add",
        "--tag",
        "gpai",
        "--email",
        "ops@example.org",
        "--digest",
        "immediate",
        ...db,
      ]);
      assert.equal(added.code, 0, added.stderr);
      const id = added.stdout.trim();
      assert.match(added.stderr, /subscribed: search tag=gpai → e-mail ops@example\.org \(immediate\)/);
      const listed = JSON.parse((await runCli(["subscriptions", "list", "--json", ...db])).stdout) as {
        id: string;
        owner: string;
      }[];
      assert.equal(listed.find((s) => s.id === id)?.owner, "operator");
      assert.equal((await runCli(["subscriptions", "deliveries", id, "--json", ...db])).stdout.trim(), "[]");
      assert.equal((await runCli(["subscriptions", "remove", id, ...db])).code, 0);
      const again = await runCli(["subscriptions", "remove", id, ...db]);
      assert.deepEqual([again.code, again.stderr], [1, `error: no subscription "${id}"\n`]);
    });

    it("delivers exactly the matching changes, imported or published from review, signed", async () => {
      const made = await subscribe({
        name: "EU guidance",
        scope: { kind: "search", search: { jurisdiction: ["EU"] } },
        webhook: { url: receiver.url, secret: SECRET },
      });
      assert.equal(made.status, 201);
      const subscription = (await made.json()) as { id: string; feeds: { atom: string; ics: string } };
      assert.match(subscription.feeds.atom, /^https:\/\/aigov\.example\/api\/feed\.atom\?jurisdiction=EU/);
      for (const feed of Object.values(subscription.feeds))
        assert.equal((await app.call("GET", feed.replace("https://aigov.example", ""))).status, 200, feed);
      const mine = await app.call("GET", `/api/subscriptions/${subscription.id}`, { token: editor.token });
      assert.equal(mine.status, 404, "someone else's subscription is not shown");

      // The operator imports two new events (one of the EU); a contributor's change of an EU event is
      // published by an editor; so is a change of a Chinese one.
      const file = join(tempDir(), "events.json");
      writeFileSync(file, JSON.stringify(newEvents()));
      await operatorImports(file);
      await publishChange("2025-eu-gpai-code-of-practice", "EU: a clearer summary.");
      await publishChange("2025-cn-politburo-ai-study-session", "CN: a clearer summary.");
      await deliverDue(app.services, { retryBaseMs: 5 });
      const got = receiver.acknowledged();
      assert.deepEqual(got.map((p) => [p.type, p.event.id]).sort(), [
        ["event.changed", "2025-eu-gpai-code-of-practice"],
        ["event.published", "2026-eu-test-guideline"],
      ]);
      for (const request of receiver.received) {
        assert.equal(request.headers["aigov-signature"], signed(request.body));
        assert.equal(request.headers["content-type"], "application/json");
      }
      const first = JSON.parse(receiver.received[0]?.body ?? "{}") as Record<string, unknown>;
      assert.equal(first.subscription, subscription.id);
      assert.match(String(first.url), /^https:\/\/aigov\.example\/events\//);
      // Nothing more is owed: a second round delivers nothing again.
      await deliverDue(app.services, { retryBaseMs: 5 });
      assert.equal(receiver.acknowledged().length, 2);
      const log = (await (
        await app.call("GET", `/api/subscriptions/${subscription.id}/deliveries`, { token: analyst.token })
      ).json()) as {
        deliveries: { status: string; attempts: number }[];
      };
      assert.deepEqual(
        log.deliveries.map((d) => [d.status, d.attempts]),
        [
          ["delivered", 1],
          ["delivered", 1],
        ],
      );
    });

    it("retries a receiver that answers 500 three times: the change arrives once, by delivery id", async () => {
      receiver.received.length = 0;
      const made = (await (
        await subscribe({
          scope: { kind: "event", id: "2025-eu-gpai-code-of-practice" },
          webhook: { url: receiver.url, secret: SECRET },
        })
      ).json()) as { id: string };
      await publishChange("2025-eu-gpai-code-of-practice", "Again clearer.");
      receiver.answer(made.id, 500, 500, 500);
      for (let round = 0; round < 4; round++) {
        app.clock.advance(60_000);
        await deliverDue(app.services, { retryBaseMs: 5 });
      }
      const forThis = receiver.received.filter(
        (r) => (JSON.parse(r.body) as { subscription: string }).subscription === made.id,
      );
      assert.deepEqual(
        forThis.map((r) => r.status),
        [500, 500, 500, 200],
      );
      assert.equal(
        new Set(forThis.map((r) => (JSON.parse(r.body) as { delivery: string }).delivery)).size,
        1,
      );
      const log = (await (
        await app.call("GET", `/api/subscriptions/${made.id}/deliveries`, { token: analyst.token })
      ).json()) as {
        deliveries: { status: string; attempts: number; lastStatus: number }[];
      };
      assert.deepEqual(
        log.deliveries.map((d) => [d.status, d.attempts, d.lastStatus]),
        [["delivered", 4, 200]],
      );
    });

    it("keeps a subscription's changes in order while the first is retried", async () => {
      receiver.received.length = 0;
      const made = (await (
        await subscribe({
          scope: { kind: "event", id: "2025-eu-gpai-provider-guidelines" },
          webhook: { url: receiver.url, secret: SECRET },
        })
      ).json()) as { id: string };
      await publishChange("2025-eu-gpai-provider-guidelines", "First change.");
      await publishChange("2025-eu-gpai-provider-guidelines", "Second change.");
      receiver.answer(made.id, 500);
      await deliverDue(app.services, { retryBaseMs: 5 });
      app.clock.advance(60_000);
      await deliverDue(app.services, { retryBaseMs: 5 });
      const posts = receiver.received
        .map((r) => ({
          status: r.status,
          ...(JSON.parse(r.body) as { subscription: string; revision: number }),
        }))
        .filter((p) => p.subscription === made.id);
      assert.deepEqual(
        posts.map((p) => p.status),
        [500, 200, 200],
      );
      assert.ok(posts[0]!.revision === posts[1]!.revision && posts[1]!.revision < posts[2]!.revision);
    });

    it("refuses a webhook URL with credentials in it", async () => {
      const answer = await subscribe({
        scope: { kind: "jurisdiction", code: "EU" },
        webhook: { url: "https://user:pass@hooks.example.org/x", secret: SECRET },
      });
      assert.equal(answer.status, 400);
      assert.match(((await answer.json()) as { detail: string }).detail, /without a user name or password/);
    });

    it("pauses a subscription whose receiver fails for a day, tells its owner, and resumes it", async () => {
      receiver.received.length = 0;
      const made = (await (
        await subscribe({
          scope: { kind: "jurisdiction", code: "CN" },
          webhook: { url: receiver.url, secret: SECRET },
        })
      ).json()) as { id: string };
      await publishChange("2025-cn-politburo-ai-study-session", "Once more.");
      const mailer = recordingMailer();
      receiver.answer(made.id, 503, 503);
      await deliverDue(app.services, { retryBaseMs: 5, mailer });
      app.clock.advance(25 * 3600_000);
      await deliverDue(app.services, { retryBaseMs: 5, mailer });
      const paused = (await (
        await app.call("GET", `/api/subscriptions/${made.id}`, { token: analyst.token })
      ).json()) as { paused: { reason: string } | null; deliveries: { failed: number } };
      assert.equal(paused.paused?.reason, "HTTP 503");
      assert.equal(paused.deliveries.failed, 1);
      assert.equal(mailer.sent.length, 1);
      assert.equal(mailer.sent[0]?.to, analyst.email);
      assert.match(mailer.sent[0]?.subject ?? "", /paused/);
      const resumed = await app.call("POST", `/api/subscriptions/${made.id}/resume`, {
        token: analyst.token,
      });
      assert.equal(((await resumed.json()) as { paused: unknown }).paused, null);
      await deliverDue(app.services, { retryBaseMs: 5, mailer });
      const last = receiver.received.filter((r) => r.body.includes(made.id)).at(-1);
      assert.equal(last?.status, 200);
      assert.equal(
        (await app.call("DELETE", `/api/subscriptions/${made.id}`, { token: analyst.token })).status,
        204,
      );
      assert.equal(
        (await app.call("GET", `/api/subscriptions/${made.id}`, { token: analyst.token })).status,
        404,
      );
    });

    it("tells of an instrument's new status and a new correction, from a new release of the bundled data", async () => {
      receiver.received.length = 0;
      const bundled = bundledObligations();
      // The data this aigov bundles is recorded (the first record announces nothing) …
      assert.equal(await recordReferenceChanges(app.services), 0);
      const instrument = (await (
        await subscribe({
          scope: { kind: "instrument", id: "eu-ai-act" },
          webhook: { url: receiver.url, secret: SECRET },
        })
      ).json()) as { id: string };
      const [correction] = bundled.corrections;
      assert.ok(correction, "the bundled data corrects at least one event");
      const followed = (await (
        await subscribe({
          scope: { kind: "event", id: correction.event },
          webhook: { url: receiver.url, secret: SECRET },
        })
      ).json()) as { id: string };
      // … then a release in which the AI Act is stayed and one correction says more.
      const next = {
        ...bundled,
        instruments: bundled.instruments.map((i) =>
          i.id === "eu-ai-act" ? { ...i, status: "stayed" as const } : i,
        ),
        corrections: bundled.corrections.map((c) =>
          c === correction
            ? { ...c, correction: { ...c.correction, en: `${c.correction.en} (revised)` } }
            : c,
        ),
      };
      const released = { ...app.services, obligations: next };
      assert.equal(await recordReferenceChanges(released), 2);
      assert.equal(await recordReferenceChanges(released), 0, "each difference is told once");
      await deliverDue(released, { retryBaseMs: 5 });
      const payloads = receiver.acknowledged() as unknown as {
        type: string;
        subscription: string;
        url: string;
        instrument?: { id: string; status: string };
        changes: { before: { status?: string }; after: { status?: string } };
      }[];
      const toInstrument = payloads.filter((p) => p.subscription === instrument.id);
      assert.deepEqual(
        toInstrument.map((p) => [p.type, p.instrument?.id, p.changes.before.status, p.changes.after.status]),
        [
          [
            "instrument.changed",
            "eu-ai-act",
            bundled.instruments.find((i) => i.id === "eu-ai-act")?.status,
            "stayed",
          ],
        ],
      );
      assert.match(toInstrument[0]?.url ?? "", /^https:\/\/aigov\.example\/instruments\/eu-ai-act\?lang=en$/);
      const toEvent = payloads.filter((p) => p.subscription === followed.id);
      assert.deepEqual(
        toEvent.map((p) => p.type),
        ["correction.changed"],
      );
      await app.call("DELETE", `/api/subscriptions/${instrument.id}`, { token: analyst.token });
      await app.call("DELETE", `/api/subscriptions/${followed.id}`, { token: analyst.token });
      // Back to the data this aigov bundles, as the processes of the next test read it.
      assert.equal(await recordReferenceChanges(app.services), 2);
    });

    it("two servers deliver each change once", async () => {
      receiver.received.length = 0;
      const made = (await (
        await subscribe({
          scope: { kind: "search", search: {} },
          webhook: { url: receiver.url, secret: SECRET },
        })
      ).json()) as { id: string };
      const file = join(tempDir(), "more.json");
      const batch = Array.from({ length: 12 }, (_, n) => ({
        ...newEvents()[0],
        id: `2026-eu-batch-${n}`,
        title: { en: `Batch ${n}` },
      }));
      writeFileSync(file, JSON.stringify(batch));
      await operatorImports(file);
      // Two processes (as two servers would), each delivering what is due, at the same time.
      const results = await Promise.all([deliverProcess(app.store.arg), deliverProcess(app.store.arg)]);
      for (const result of results) assert.equal(result.code, 0, result.stderr);
      const mine = receiver
        .acknowledged()
        .filter((p) => (p as unknown as { subscription: string }).subscription === made.id);
      assert.deepEqual(mine.map((p) => p.event.id).sort(), batch.map((e) => e.id).sort());
      assert.equal(new Set(mine.map((p) => p.delivery)).size, 12);
      assert.equal(receiver.received.length, receiver.acknowledged().length, "no change was posted twice");
    });

    it("mails digests in the subscriber's language, with an unsubscribe link that needs no sign-in", async () => {
      const smtp = await startSmtp();
      const mailer = smtp.mailer;
      const zh = (await (
        await subscribe({
          name: "欧盟",
          lang: "zh",
          scope: { kind: "jurisdiction", code: "EU" },
          email: { address: analyst.email, digest: "immediate" },
        })
      ).json()) as { id: string };
      const en = (await (
        await subscribe({
          name: "EU weekly",
          lang: "en",
          scope: { kind: "jurisdiction", code: "EU" },
          email: { address: analyst.email, digest: "weekly" },
        })
      ).json()) as { id: string };
      const file = join(tempDir(), "digest.json");
      writeFileSync(
        file,
        JSON.stringify([
          { ...newEvents()[0], id: "2026-eu-digest-item", title: { en: "Digest item", zh: "摘要条目" } },
        ]),
      );
      await operatorImports(file);
      await deliverDue(app.services, { mailer });
      assert.equal(mailer.sent.length, 1, "the weekly digest waits for its week");
      const [zhMail] = mailer.sent;
      assert.match(zhMail?.subject ?? "", /「欧盟」有 1 项更新/);
      assert.match(zhMail?.text ?? "", /摘要条目/);
      assert.match(zhMail?.text ?? "", /https:\/\/aigov\.example\/events\/2026-eu-digest-item\?lang=zh/);
      app.clock.advance(8 * 24 * 3600_000);
      await deliverDue(app.services, { mailer });
      assert.equal(mailer.sent.length, 2);
      assert.match(mailer.sent[1]?.subject ?? "", /1 change in “EU weekly”/);
      assert.match(mailer.sent[1]?.text ?? "", /Digest item/);
      const link = /Unsubscribe: (\S+)/.exec(mailer.sent[1]?.text ?? "")?.[1] ?? "";
      assert.equal(mailer.sent[1]?.headers?.["list-unsubscribe"], `<${link}>`);
      const path = link.replace("https://aigov.example", "");
      const page = await app.call("GET", path);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<form method="post"/);
      const done = await app.call("POST", path, {
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      });
      assert.equal(done.status, 200);
      assert.equal(
        (await app.call("GET", `/api/subscriptions/${en.id}`, { token: analyst.token })).status,
        404,
      );
      assert.equal(
        (await app.call("GET", `/api/subscriptions/${zh.id}`, { token: analyst.token })).status,
        200,
      );
      await smtp.close();
      const forged = await app.call("POST", path.replace(/t=[^&]+/, "t=forged"), {
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "",
      });
      assert.equal(forged.status, 404);
    });
  });
}
