// Issue 29 part 3: citable releases. A small archive (one fixture chronicle) is released, and the release
// must round-trip (its JSON Lines import into an empty database as the same events), verify (every
// checksum of its manifest against the stored, served and written bytes), stay immutable (a second
// release of the version is refused and changes nothing), and make the same report twice from its own
// data whatever happens to the live archive afterwards.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { SearchService } from "../src/search/searchService.js";
import { createApp, type AigovApp } from "../src/server/createApp.js";
import { type Database, openDatabase } from "../src/storage/database.js";
import { listEvents } from "../src/storage/repos/eventRepo.js";
import { dumpDatabase } from "./databaseDump.js";
import { fixture, runCli, tempDir } from "./runCli.js";
import { DIALECTS } from "./testDatabases.js";

const VERSION = "2026.1";
const CHRONICLE = fixture("chronicle-2024-english.txt");
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

interface Manifest {
  version: string;
  counts: Record<string, number>;
  files: { name: string; bytes: number; sha256: string; mediaType: string }[];
}

for (const dialect of DIALECTS)
  describe(`aigov release (${dialect.name})`, { skip: dialect.skip }, () => {
    let store: Awaited<ReturnType<typeof dialect.create>>;
    let out: string;
    let manifest: Manifest;
    before(async () => {
      store = await dialect.create();
      out = join(tempDir(), "release");
      assert.equal((await runCli(["import", CHRONICLE, "--db", store.arg])).code, 0);
      const made = await runCli([
        "release",
        VERSION,
        "--db",
        store.arg,
        "--out",
        out,
        "--base-url",
        "https://aigov.example/",
      ]);
      assert.equal(made.code, 0, made.stderr);
      assert.match(
        made.stdout,
        /release 2026\.1 .*: 2 events, \d+ instruments, \d+ obligations, \d+ corrections/,
      );
      manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as Manifest;
    });
    after(() => store.drop());

    it("writes every file the manifest lists, each with its size and SHA-256", () => {
      assert.equal(manifest.version, VERSION);
      assert.equal(manifest.counts.events, 2);
      const names = manifest.files.map((file) => file.name);
      for (const name of [
        "events.jsonl",
        "events.csv",
        "instruments.csv",
        "obligations.jsonl",
        "corrections.csv",
        "csv-metadata.json",
        "aigov.sqlite",
        "LICENSE-DATA.md",
        "CITATION.json",
        "CITATION.bib",
      ])
        assert.ok(names.includes(name), `no ${name}`);
      for (const file of manifest.files) {
        const bytes = readFileSync(join(out, file.name));
        assert.equal(bytes.length, file.bytes, file.name);
        assert.equal(sha256(bytes), file.sha256, file.name);
      }
      const verified = runCli(["release", "verify", VERSION, "--db", store.arg]);
      return verified.then((result) => {
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stderr, /all 14 checksums verify/);
      });
    });

    it("round-trips: its events.jsonl imported into an empty database gives the same events", async () => {
      const empty = await dialect.create();
      try {
        assert.equal((await runCli(["import", join(out, "events.jsonl"), "--db", empty.arg])).code, 0);
        const original = await runCli(["list", "--json", "--db", store.arg]);
        const copy = await runCli(["list", "--json", "--db", empty.arg]);
        assert.equal(copy.stdout, original.stdout);
        assert.equal((JSON.parse(copy.stdout) as unknown[]).length, 2);
      } finally {
        await empty.drop();
      }
    });

    it("refuses a second release of the same version and changes nothing", async () => {
      const before = await dumpDatabase(store.location);
      const again = await runCli(["release", VERSION, "--db", store.arg]);
      assert.equal(again.code, 1);
      assert.match(again.stderr, /^error: release 2026\.1 exists already/);
      const bad = await runCli(["release", "v1/../x", "--db", store.arg]);
      assert.equal(bad.code, 1);
      assert.match(bad.stderr, /expected a version such as 2026\.12/);
      assert.deepEqual(await dumpDatabase(store.location), before);
    });

    it("makes the same report from the release twice, from its own data and not the live archive", async () => {
      const report = async (format: string) => {
        const result = await runCli([
          "report",
          "--release",
          VERSION,
          "--format",
          format,
          "--lang",
          "en",
          "--db",
          store.arg,
        ]);
        assert.equal(result.code, 0, result.stderr);
        return result.stdout;
      };
      const markdown = await report("md");
      const html = await report("html");
      assert.match(markdown, /European Parliament adopts the AI Act/);
      assert.match(html, /Colorado enacts its AI Act/);
      // The live archive changes after the release; the release's report does not.
      assert.equal(
        (await runCli(["import", fixture("chronicle-2024-markdown.md"), "--db", store.arg])).code,
        0,
      );
      assert.equal(await report("md"), markdown);
      assert.equal(await report("html"), html);
      const unknown = await runCli(["report", "--release", "9.9", "--db", store.arg]);
      assert.equal(unknown.code, 1);
      assert.match(unknown.stderr, /no release "9\.9"/);
    });
  });

describe("a release's SQLite file and its pages", () => {
  let db: Database;
  let app: AigovApp;
  let dir: string;
  before(async () => {
    dir = tempDir();
    const path = join(dir, "aigov.db");
    assert.equal((await runCli(["import", CHRONICLE, "--db", path])).code, 0);
    assert.equal((await runCli(["release", VERSION, "--db", path])).code, 0);
    db = await openDatabase({ kind: "sqlite", path });
    app = createApp({
      db,
      search: new SearchService(db),
      versionMaxAgeMs: 0,
      baseUrl: "https://aigov.example",
    });
  });
  after(() => db.destroy());
  const get = (path: string, headers: Record<string, string> = {}) =>
    app.hono.request(`http://localhost${path}`, { headers });

  it("serves every file byte for byte, tagged by its SHA-256 and immutable", async () => {
    const answer = await get(`/api/releases/${VERSION}`);
    assert.equal(answer.status, 200);
    const release = (await answer.json()) as Manifest & { url: string; manifest: { sha256: string } };
    assert.equal(release.url, `https://aigov.example/releases/${VERSION}/`);
    for (const file of release.files) {
      const response = await get(`/releases/${VERSION}/${file.name}`, { "accept-encoding": "gzip, br" });
      assert.equal(response.status, 200, file.name);
      const bytes = Buffer.from(await response.arrayBuffer());
      assert.equal(sha256(bytes), file.sha256, file.name);
      assert.equal(response.headers.get("etag"), `"${file.sha256}"`);
      assert.equal(response.headers.get("content-type"), file.mediaType);
      assert.match(response.headers.get("cache-control") ?? "", /public, max-age=31536000, immutable/);
      assert.match(
        response.headers.get("content-disposition") ?? "",
        new RegExp(`attachment; filename="aigov-2026.1-${file.name}"`),
      );
    }
    const manifest = await get(`/releases/${VERSION}/manifest.json`);
    assert.equal(sha256(Buffer.from(await manifest.arrayBuffer())), release.manifest.sha256);
    const held = await get(`/releases/${VERSION}/events.jsonl`, {
      "if-none-match": `"${release.files[0]?.sha256}"`,
    });
    assert.equal(held.status, 304);
  });

  it("holds the events in a SQLite file aigov opens", async () => {
    const file = await get(`/releases/${VERSION}/aigov.sqlite`);
    const path = join(dir, "copy.sqlite");
    writeFileSync(path, Buffer.from(await file.arrayBuffer()));
    const copy = await openDatabase({ kind: "sqlite", path }, { create: false });
    try {
      assert.deepEqual(await listEvents(copy), await listEvents(db));
    } finally {
      await copy.destroy();
    }
  });

  it("lists releases on /releases and /api/releases, shows one with its citation, 404 for unknown ones", async () => {
    for (const lang of ["en", "zh"]) {
      const list = await get(`/releases?lang=${lang}`);
      assert.equal(list.status, 200);
      assert.match(await list.text(), /href="\/releases\/2026\.1\/\?lang=/);
      const page = await get(`/releases/${VERSION}/?lang=${lang}`);
      assert.equal(page.status, 200);
      const text = await page.text();
      assert.match(text, /@misc\{aigov-2026\.1,/);
      assert.match(text, /&quot;type&quot;: &quot;dataset&quot;/);
      assert.match(text, /events\.jsonl/);
    }
    const api = (await (await get("/api/releases")).json()) as { items: Manifest[] };
    assert.deepEqual(
      api.items.map((r) => r.version),
      [VERSION],
    );
    assert.equal((await get("/releases/9.9/?lang=en")).status, 404);
    assert.equal((await get("/api/releases/9.9")).status, 404);
    assert.equal((await get(`/releases/${VERSION}/nope.txt`)).status, 404);
    assert.equal((await get("/releases/9.9/events.jsonl")).status, 404);
  });
});
