import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, describe, it } from "node:test";
import { buildServices } from "../src/app/appServices.js";
import { AppError } from "../src/app/appError.js";
import { actorFromAuthorization } from "../src/app/authentication.js";
import { verifyPassword } from "../src/app/credentials.js";
import { listProposalViews } from "../src/app/proposals.js";
import { SearchService } from "../src/search/searchService.js";
import { type Database, openDatabase } from "../src/storage/database.js";
import { type CliResult, runCli, SEED, tempDir } from "./runCli.js";
import { startServe } from "./serveProcess.js";
import { DIALECTS, type TestDatabase } from "./testDatabases.js";

// The operator's commands of editing and review, run in process as a shell runs them: accounts, tokens,
// the audit log, imports as proposals, and the archive as of a moment, on both dialects.

const PASSWORD = "correct horse battery staple";

/** The one line a refusal prints: "error: …" and nothing else. */
function refusedWith(result: CliResult, code: number, pattern: RegExp) {
  assert.equal(result.code, code, result.stderr);
  assert.equal(result.stdout, "");
  assert.match(result.stderr, /^error: [^\n]+\n$/);
  assert.match(result.stderr, pattern);
}

function ok(result: CliResult): CliResult {
  assert.equal(result.code, 0, result.stderr);
  return result;
}

/** Events as an import file holds them: the smallest that the event schema takes. */
const eventFile = (dir: string, name: string, events: { id: string; en: string; start: string }[]) => {
  const path = join(dir, name);
  writeFileSync(
    path,
    JSON.stringify(
      events.map(({ id, en, start }) => ({ id, title: { en }, date: { start }, jurisdictions: ["EU"] })),
    ),
  );
  return path;
};

for (const dialect of DIALECTS)
  describe(
    `aigov users, tokens, audit, import --propose, --as-of (${dialect.name})`,
    { skip: dialect.skip },
    () => {
      const dir = tempDir();
      let store: TestDatabase;
      let db = "";
      const cli = (args: string[], input?: { stdin?: string; tty?: boolean }) =>
        runCli([...args, "--db", db], {}, input);

      /** Opens the test's database for a look the CLI does not give (stored hashes, revisions), and closes it. */
      async function inspect<T>(look: (handle: Database) => Promise<T>): Promise<T> {
        const handle = await openDatabase(store.location);
        try {
          return await look(handle);
        } finally {
          await handle.destroy();
        }
      }
      const services = (handle: Database) =>
        buildServices({ db: handle, search: new SearchService(handle) }, () => "");
      const storedHash = (email: string) =>
        inspect(
          async (handle) =>
            (
              await handle
                .selectFrom("users")
                .select("password_hash")
                .where("email", "=", email)
                .executeTakeFirstOrThrow()
            ).password_hash,
        );
      const auditJson = async (...args: string[]) =>
        JSON.parse(ok(await cli(["audit", "--json", ...args])).stdout) as {
          entries: {
            seq: number;
            at: string;
            actor: string;
            action: string;
            subject: string | null;
            address: string | null;
            detail: Record<string, unknown> | null;
          }[];
          next: number | null;
        };

      before(async () => {
        store = await dialect.create();
        db = store.arg;
      });
      after(() => store.drop());

      it("refuses a bad address or role with one line, writing nothing (not even the database)", async () => {
        refusedWith(
          await cli(["users", "add", "not-an-address", "--role", "editor"], { stdin: `${PASSWORD}\n` }),
          1,
          /^error: email: expected an email address/,
        );
        refusedWith(
          await cli(["users", "add", "ed@example.org", "--role", "chief"], { stdin: `${PASSWORD}\n` }),
          1,
          /^error: role: /,
        );
        refusedWith(
          await cli(["users", "add", "ed@example.org", "--role", "editor"]),
          1,
          /no password on stdin/,
        );
        refusedWith(
          await cli(["users", "add", "ed@example.org", "--role", "editor"], { stdin: "short\n" }),
          1,
          /^error: password: expected a password of at least 12 characters/,
        );
        // A missing --role is bad usage, told by Commander.
        assert.equal((await cli(["users", "add", "ed@example.org"], { stdin: `${PASSWORD}\n` })).code, 2);
        if (dialect.name === "SQLite")
          refusedWith(await cli(["users", "list"]), 1, /^error: no database at /);
        else assert.equal(ok(await cli(["users", "list", "--json"])).stdout, "[]\n");
      });

      it("users add takes the password from stdin's first line and never prints it", async () => {
        const added = ok(
          await cli(["users", "add", "Ed@Example.org", "--role", "editor", "--name", "Ed"], {
            stdin: `${PASSWORD}\nsecond line, not read\n`,
          }),
        );
        assert.equal(added.stdout, "added ed@example.org  editor  enabled  Ed\n");
        assert.doesNotMatch(added.stdout + added.stderr, /horse/);
        // The newline is not part of the password, and the second line is not read.
        assert.equal(await verifyPassword(await storedHash("ed@example.org"), PASSWORD), true);
        refusedWith(
          await cli(["users", "add", "ed@example.org", "--role", "admin"], { stdin: `${PASSWORD}\r\n` }),
          1,
          /an account for ed@example.org exists already/,
        );
      });

      it("users add generates a password at a terminal (or when asked) and prints it once", async () => {
        const atTerminal = ok(
          await cli(["users", "add", "ann@example.org", "--role", "admin"], { tty: true }),
        );
        const password = /^password: (\S+)$/m.exec(atTerminal.stdout)?.[1] as string;
        assert.ok(password, atTerminal.stdout);
        assert.equal(atTerminal.stdout.split(password).length, 2, "printed exactly once");
        assert.match(atTerminal.stderr, /shown only this once/);
        assert.equal(await verifyPassword(await storedHash("ann@example.org"), password), true);
        // --generate-password wins over a pipe.
        const asked = ok(
          await cli(["users", "add", "cat@example.org", "--role", "contributor", "--generate-password"], {
            stdin: `${PASSWORD}\n`,
          }),
        );
        const generated = /^password: (\S+)$/m.exec(asked.stdout)?.[1] as string;
        assert.notEqual(generated, PASSWORD);
        assert.equal(await verifyPassword(await storedHash("cat@example.org"), generated), true);
      });

      it("users list shows the accounts, never a password or its hash; set-role and disable change them", async () => {
        const hashes = await Promise.all(["ed@example.org", "ann@example.org"].map(storedHash));
        const text = ok(await cli(["users", "list"])).stdout;
        const json = ok(await cli(["users", "list", "--json"])).stdout;
        for (const hash of hashes) {
          assert.ok(!text.includes(hash) && !json.includes(hash));
          assert.ok(!json.includes(hash.slice(0, 20)));
        }
        assert.doesNotMatch(text + json, /argon2|password/i);
        assert.match(text, /^email\s+role\s+status\s+created\s+name\n/);
        assert.match(text, /^ed@example\.org\s+editor\s+enabled\s+\S+\s+Ed$/m);
        assert.deepEqual(
          (JSON.parse(json) as { email: string }[]).map((account) => Object.keys(account).sort()),
          Array(3).fill(["createdAt", "disabled", "email", "name", "role"]),
        );

        assert.equal(
          ok(await cli(["users", "set-role", "ED@example.org", "admin"])).stdout,
          "ed@example.org  admin  enabled  Ed\n",
        );
        refusedWith(await cli(["users", "set-role", "ed@example.org", "owner"]), 1, /^error: role: /);
        refusedWith(
          await cli(["users", "set-role", "nobody@example.org", "editor"]),
          1,
          /no account for nobody@example\.org/,
        );
        assert.equal(
          ok(await cli(["users", "disable", "cat@example.org"])).stdout,
          "cat@example.org  contributor  disabled  cat\n",
        );
        const after = JSON.parse(ok(await cli(["users", "list", "--json"])).stdout) as {
          email: string;
          role: string;
          disabled: boolean;
        }[];
        assert.deepEqual(after.map(({ email, role, disabled }) => `${email} ${role} ${disabled}`).sort(), [
          "ann@example.org admin false",
          "cat@example.org contributor true",
          "ed@example.org admin false",
        ]);
      });

      it("tokens create prints the token once; list never shows it; a revoked token is refused", async () => {
        const created = ok(await cli(["tokens", "create", "ed@example.org", "--name", "ci"]));
        assert.match(created.stdout, /^aigov_\S+\n$/);
        const token = created.stdout.trim();
        assert.match(
          created.stderr,
          /^token tok_\S+ \("ci"\) for ed@example\.org: it will not be shown again/,
        );
        const id = /token (tok_\S+)/.exec(created.stderr)?.[1] as string;

        const actor = await inspect((handle) =>
          actorFromAuthorization(services(handle), `Bearer ${token}`, null),
        );
        assert.equal(actor.kind === "account" && actor.email, "ed@example.org");

        const text = ok(await cli(["tokens", "list"])).stdout;
        const json = ok(await cli(["tokens", "list", "--json"])).stdout;
        assert.ok(!text.includes(token) && !json.includes(token) && !json.includes(token.slice(6, 20)));
        assert.match(text, new RegExp(`^${id}\\s+ed@example\\.org\\s+\\S+\\s+\\S+\\s+no\\s+ci$`, "m"));
        const [listed] = JSON.parse(json) as Record<string, unknown>[];
        assert.deepEqual(Object.keys(listed ?? {}).sort(), [
          "createdAt",
          "email",
          "id",
          "lastUsedAt",
          "name",
          "revoked",
        ]);
        assert.equal(listed?.id, id);
        // Used once above: the list says when.
        assert.equal(typeof listed?.lastUsedAt, "string");

        refusedWith(
          await cli(["tokens", "create", "cat@example.org"]),
          1,
          /the account cat@example\.org is disabled/,
        );
        assert.equal(
          ok(await cli(["tokens", "revoke", id])).stdout,
          `revoked ${id} ("ci") of ed@example.org\n`,
        );
        refusedWith(await cli(["tokens", "revoke", id]), 1, /is revoked already/);
        refusedWith(await cli(["tokens", "revoke", "tok_nothing"]), 1, /no token with id tok_nothing/);
        await assert.rejects(
          inspect((handle) => actorFromAuthorization(services(handle), `Bearer ${token}`, null)),
          (error) => error instanceof AppError && error.kind === "unauthenticated",
        );
        const revoked = (
          JSON.parse(ok(await cli(["tokens", "list", "--json"])).stdout) as { revoked: boolean }[]
        )[0];
        assert.equal(revoked?.revoked, true);
      });

      it("audit lists each of these actions with who and from where, newest first, as text and JSON", async () => {
        const { entries, next } = await auditJson();
        assert.equal(next, null);
        assert.deepEqual(entries.map((entry) => `${entry.action} ${entry.subject}`).reverse(), [
          "user-added ed@example.org",
          "user-added ann@example.org",
          "user-added cat@example.org",
          "role-changed ed@example.org",
          "user-disabled cat@example.org",
          `token-created ${entries.find((e) => e.action === "token-created")?.subject}`,
          `token-revoked ${entries.find((e) => e.action === "token-revoked")?.subject}`,
        ]);
        for (const entry of entries) {
          assert.equal(entry.actor, "operator");
          assert.match(entry.address ?? "", /^cli:\S+$/);
          assert.ok(!Number.isNaN(Date.parse(entry.at)));
          assert.deepEqual(Object.keys(entry).sort(), [
            "action",
            "actor",
            "address",
            "at",
            "detail",
            "seq",
            "subject",
          ]);
        }
        assert.deepEqual(entries.find((e) => e.action === "role-changed")?.detail?.to, "admin");
        // Never a secret: no password, hash or token in the log.
        assert.doesNotMatch(JSON.stringify(entries), /horse|aigov_|argon2/);

        const page = await auditJson("--limit", "2");
        assert.equal(page.entries.length, 2);
        assert.equal(page.next, page.entries[1]?.seq);
        const rest = await auditJson("--before", String(page.next));
        assert.equal(rest.entries.length, entries.length - 2);
        assert.deepEqual((await auditJson("--action", "user-added")).entries.length, 3);

        const text = ok(await cli(["audit", "--action", "role-changed"])).stdout;
        assert.match(text, /^seq\s+at\s+who\s+from\s+action\s+subject\s+detail\n/);
        assert.match(
          text,
          /^\d+\s+\S+Z\s+operator\s+cli:\S+\s+role-changed\s+ed@example\.org\s+from=editor, to=admin/m,
        );
        assert.equal((await cli(["audit", "--limit", "0"])).code, 2);
        assert.equal((await cli(["audit", "--action", "sneezed"])).code, 2);
      });

      it("a plain import writes directly and is recorded in the audit log with its counts", async () => {
        const imported = ok(await cli(["import", SEED]));
        assert.match(imported.stdout, /added 47, updated 0, skipped 0/);
        const [entry] = (await auditJson("--action", "import")).entries;
        assert.equal(entry?.subject, SEED);
        assert.equal(entry?.actor, "operator");
        assert.match(entry?.address ?? "", /^cli:/);
        assert.deepEqual(entry?.detail, { files: [{ file: SEED, added: 47, updated: 0, unchanged: 0 }] });
      });

      it("import --propose turns new and changed events into pending proposals and writes no revision", async () => {
        const current = JSON.parse(ok(await cli(["list", "--json"])).stdout) as {
          id: string;
          title: { zh?: string };
          date: { start: string };
        }[];
        const [first, second] = current;
        assert.ok(first && second);
        const revisionsBefore = await inspect((handle) =>
          handle
            .selectFrom("event_revisions")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow(),
        );
        // The seed's events as stored, one of them with an English title added, and one new event.
        const stored = JSON.parse(ok(await cli(["export", "--format", "json"])).stdout) as Record<
          string,
          unknown
        >[];
        const file = join(dir, "proposed.json");
        const changed = {
          ...stored[0],
          title: { ...(stored[0]?.title as object), en: "An English title, proposed" },
        };
        writeFileSync(
          file,
          JSON.stringify([
            changed,
            stored[1],
            {
              id: "2026-a-new-event",
              title: { en: "A new event, proposed" },
              date: { start: "2026-02-01" },
              jurisdictions: ["EU"],
            },
          ]),
        );
        const proposed = ok(await cli(["import", "--propose", file]));
        assert.equal(
          proposed.stdout,
          `${file}: proposed 2 (pending review), skipped 1 (unchanged); nothing published\n`,
        );

        // Nothing published: the events, the count of revisions and search are as before.
        assert.deepEqual(JSON.parse(ok(await cli(["list", "--json"])).stdout), current);
        const revisionsAfter = await inspect((handle) =>
          handle
            .selectFrom("event_revisions")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow(),
        );
        assert.equal(Number(revisionsAfter.n), Number(revisionsBefore.n));
        const { proposals } = await inspect((handle) =>
          listProposalViews({ db: handle }, { status: "pending", limit: 50 }),
        );
        assert.deepEqual(proposals.map((p) => `${p.kind} ${p.eventId} ${p.note}`).sort(), [
          `add 2026-a-new-event import of proposed.json`,
          `change ${stored[0]?.id} import of proposed.json`,
        ]);
        const [made] = (await auditJson("--action", "proposal-made")).entries;
        assert.equal(made?.address?.startsWith("cli:"), true);
        assert.equal(made?.detail?.proposals, 2);

        // The same readers and errors as import: a bad record is one line naming the file and line; nothing proposed.
        const bad = join(dir, "bad.json");
        writeFileSync(
          bad,
          JSON.stringify([{ id: "2026-x", title: { en: "x" }, date: { start: "2026-13-01" } }]),
        );
        refusedWith(await cli(["import", "--propose", file, bad]), 1, /bad\.json/);
        const { proposals: still } = await inspect((handle) =>
          listProposalViews({ db: handle }, { status: "pending", limit: 50 }),
        );
        assert.equal(still.length, 2);
        assert.equal((await cli(["import", "--propose", "--dry-run", file])).code, 2);
      });

      it("report, search, export and list --as-of answer as published then, without a later import's event", async () => {
        const early = eventFile(dir, "early.json", [
          { id: "2024-early-rule", en: "Early rule on models", start: "2024-03-01" },
        ]);
        const late = eventFile(dir, "late.json", [
          { id: "2024-late-rule", en: "Late rule on models", start: "2024-05-01" },
        ]);
        ok(await cli(["import", early]));
        await sleep(20);
        const moment = new Date().toISOString();
        await sleep(20);
        ok(await cli(["import", late]));

        const report = (...more: string[]) =>
          cli(["report", "--from", "2024", "--to", "2024", "--lang", "en", ...more]);
        const now = ok(await report()).stdout;
        assert.match(now, /Early rule on models/);
        assert.match(now, /Late rule on models/);
        const then = ok(await report("--as-of", moment)).stdout;
        assert.match(then, /Early rule on models/);
        assert.doesNotMatch(then, /Late rule on models/);

        const ids = (stdout: string) =>
          (JSON.parse(stdout) as { id: string }[]).map((event) => event.id).sort();
        const search = (...more: string[]) =>
          cli(["search", "rule models", "--json", "--from", "2024", "--to", "2024", ...more]);
        assert.deepEqual(ids(ok(await search()).stdout), ["2024-early-rule", "2024-late-rule"]);
        assert.deepEqual(ids(ok(await search("--as-of", moment)).stdout), ["2024-early-rule"]);
        const exported = ok(
          await cli(["export", "--format", "json", "--from", "2024", "--to", "2024", "--as-of", moment]),
        );
        assert.deepEqual(ids(exported.stdout), ["2024-early-rule"]);
        const listed = ok(await cli(["list", "--json", "--from", "2024", "--to", "2024", "--as-of", moment]));
        assert.deepEqual(ids(listed.stdout), ["2024-early-rule"]);
        // A date alone is that day's start in UTC: before the seed was imported today, nothing of 2024 existed.
        refusedWith(await report("--as-of", "2000-01-01"), 1, /^error: /);

        for (const command of [["report"], ["search", "rule"], ["export"], ["list"]]) {
          const bad = await cli([...command, "--as-of", "yesterday"]);
          refusedWith(bad, 2, /^error: --as-of: expected an ISO 8601 date-time/);
        }
      });
    },
  );

describe("aigov serve behind the operator's proxy", () => {
  it("takes the address of the audit log from X-Forwarded-For with AIGOV_TRUST_PROXY=1, and not without", async () => {
    const db = join(tempDir(), "aigov.db");
    ok(
      await runCli([
        "import",
        eventFile(tempDir(), "one.json", [{ id: "2024-one", en: "One", start: "2024-01-01" }]),
        "--db",
        db,
      ]),
    );
    ok(
      await runCli(
        ["users", "add", "ed@example.org", "--role", "editor", "--db", db],
        {},
        { stdin: `${PASSWORD}\n` },
      ),
    );
    const token = ok(await runCli(["tokens", "create", "ed@example.org", "--db", db])).stdout.trim();
    const proposeThrough = async (env: Record<string, string>, id: string) => {
      const server = await startServe(db, env);
      try {
        const response = await fetch(`${server.url}/api/proposals`, {
          method: "POST",
          headers: {
            authorization: `Bearer ${token}`,
            "content-type": "application/json",
            "x-forwarded-for": "203.0.113.9, 10.0.0.1",
          },
          body: JSON.stringify({
            event: { id, title: { en: "Proposed" }, date: { start: "2024-02-01" }, jurisdictions: ["EU"] },
            note: "through the proxy",
          }),
        });
        assert.equal(response.status, 201, await response.text());
      } finally {
        await server.stop();
      }
    };
    await proposeThrough({ AIGOV_TRUST_PROXY: "1" }, "2024-behind-proxy");
    await proposeThrough({}, "2024-direct");
    const { entries } = JSON.parse(
      ok(await runCli(["audit", "--json", "--action", "proposal-made", "--db", db])).stdout,
    ) as {
      entries: { address: string | null; detail: { eventId?: string } | null }[];
    };
    const from = Object.fromEntries(entries.map((entry) => [entry.detail?.eventId, entry.address]));
    assert.equal(from["2024-behind-proxy"], "203.0.113.9");
    // Not trusted by default: a client could write any X-Forwarded-For; the address is the peer's.
    assert.notEqual(from["2024-direct"], "203.0.113.9");
  });
});

describe("help of the editorial commands", () => {
  it("describes each command and its options", async () => {
    const help = async (...args: string[]) => ok(await runCli([...args, "--help"])).stdout;
    assert.match(await help(), /users .*\n(.|\n)*tokens .*\n(.|\n)*audit /);
    assert.match(await help("users"), /add \[options\] <email>(.|\n)*list(.|\n)*set-role(.|\n)*disable/);
    assert.match(await help("users", "add"), /--role <role>(.|\n)*--name <name>(.|\n)*--generate-password/);
    assert.match(await help("tokens", "create"), /--name <name>/);
    assert.match(await help("tokens"), /create(.|\n)*list(.|\n)*revoke/);
    assert.match(await help("audit"), /--json(.|\n)*--limit <n>(.|\n)*--action <action>/);
    assert.match(await help("import"), /--propose/);
    for (const command of ["report", "search", "export", "list"])
      assert.match(await help(command), /--as-of <datetime>/);
    assert.match(await help("serve"), /--trust-proxy(.|\n)*AIGOV_TRUST_PROXY=1/);
  });
});
