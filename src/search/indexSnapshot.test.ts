import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { Event } from "../domain/event.js";
import { readSnapshot, removeStaleTemporaries, SNAPSHOT_FORMAT, writeSnapshot } from "./indexSnapshot.js";
import { parseQuery } from "./queryParser.js";
import { SearchIndex } from "./searchIndex.js";

const events = [
  Event.parse({
    id: "b",
    title: { zh: "欧盟人工智能法" },
    date: { start: "2025-08", end: null },
    jurisdictions: ["EU"],
    tags: ["gpai"],
  }),
  Event.parse({
    id: "a",
    title: { en: "Labelling measures" },
    date: { start: "2025-03-07" },
    jurisdictions: ["CN"],
  }),
];

describe("index snapshots", () => {
  const path = join(mkdtempSync(join(tmpdir(), "aigov-snapshot-")), "db.search-index");
  const stamp = { databaseId: "3f0c6d1e-db-one", seq: 7 };
  const id = stamp.databaseId;

  it("load back an index that answers exactly like the one saved", async () => {
    const original = new SearchIndex(events);
    await writeSnapshot(path, original, stamp);
    const snapshot = await readSnapshot(path, id);
    assert.ok(snapshot);
    assert.equal(snapshot.seq, 7);
    const loaded = snapshot.index;
    for (const q of ["欧盟", "label", "法", "measure"]) {
      const request = {
        query: parseQuery(q),
        filter: {},
        sort: "relevance" as const,
        offset: 0,
        limit: 10,
        facets: true,
      };
      assert.deepEqual(loaded.search(request), original.search(request), q);
    }
    const byDate = {
      query: null,
      filter: { from: "2025-08-15" },
      sort: "date" as const,
      offset: 0,
      limit: 10,
      facets: true,
    };
    assert.deepEqual(loaded.search(byDate), original.search(byDate));
  });

  it("are ignored when the database is another, or the file is not one, damaged or cut short", async () => {
    await writeSnapshot(path, new SearchIndex(events), stamp);
    const good = readFileSync(path);
    assert.ok(await readSnapshot(path, id));
    assert.equal(await readSnapshot(path, "another-database"), null);
    assert.equal(await readSnapshot(path, ""), null);
    // One bit flipped in a bitmap, far from the header: only the digest can tell.
    const flipped = Buffer.from(good);
    flipped[good.length - 40] = (flipped[good.length - 40] as number) ^ 1;
    writeFileSync(path, flipped);
    assert.equal(await readSnapshot(path, id), null);
    for (const length of [0, 7, 8, 100, good.length - 1]) {
      writeFileSync(path, good.subarray(0, length));
      assert.equal(await readSnapshot(path, id), null, `cut at ${length} bytes`);
    }
    writeFileSync(path, "not a snapshot");
    assert.equal(await readSnapshot(path, id), null);
    assert.equal(await readSnapshot(`${path}.missing`, id), null);
  });

  it("are rebuilt, never loaded, when an older tokenizer wrote them", async () => {
    await writeSnapshot(path, new SearchIndex(events), stamp);
    const bytes = readFileSync(path);
    const headerLength = Number(bytes.readBigUInt64LE(0));
    const header = JSON.parse(bytes.subarray(8, 8 + headerLength).toString("utf8"));
    assert.equal(header.format, SNAPSHOT_FORMAT);
    // The snapshots of the first tokenizer carried the number 1 and indexed `AI企业` as one word.
    header.format = 1;
    const older = Buffer.from(JSON.stringify(header));
    const length = Buffer.alloc(8);
    length.writeBigUInt64LE(BigInt(older.length));
    // With a correct digest, so that it is the format that is refused.
    const body = Buffer.concat([length, older, bytes.subarray(8 + headerLength, bytes.length - 32)]);
    writeFileSync(path, Buffer.concat([body, createHash("sha256").update(body).digest()]));
    assert.equal(await readSnapshot(path, id), null);
    header.format = SNAPSHOT_FORMAT;
    const same = Buffer.from(JSON.stringify(header));
    length.writeBigUInt64LE(BigInt(same.length));
    const control = Buffer.concat([length, same, bytes.subarray(8 + headerLength, bytes.length - 32)]);
    writeFileSync(path, Buffer.concat([control, createHash("sha256").update(control).digest()]));
    assert.ok(await readSnapshot(path, id), "the same file in the current format loads");
  });

  it("clear away the temporary files of killed writers, but not a write in progress", async () => {
    const dir = mkdtempSync(join(tmpdir(), "aigov-snapshot-"));
    const target = join(dir, "db.search-index");
    const names = {
      stale: "db.search-index.0123456789abcdef.tmp",
      fresh: "db.search-index.fedcba9876543210.tmp",
      other: "other.search-index.0123456789abcdef.tmp",
      unlike: "db.search-index.notours.tmp",
    };
    for (const name of Object.values(names)) writeFileSync(join(dir, name), "partial");
    const anHourAgo = new Date(Date.now() - 3_600_000);
    for (const name of [names.stale, names.other, names.unlike])
      utimesSync(join(dir, name), anHourAgo, anHourAgo);
    await writeSnapshot(target, new SearchIndex(events), stamp);
    assert.equal(existsSync(join(dir, names.stale)), false);
    for (const name of [names.fresh, names.other, names.unlike]) assert.ok(existsSync(join(dir, name)), name);
    await removeStaleTemporaries(join(dir, "missing", "db.search-index"));
  });
});
