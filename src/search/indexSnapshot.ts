import { createHash, randomBytes } from "node:crypto";
import { mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { RoaringBitmap32 } from "./bitmaps.js";
import { FACETS, FIELDS, type IndexContent, SearchIndex } from "./searchIndex.js";
import { TOKENIZER_VERSION } from "./textTerms.js";

/** Bump when the layout below changes. 2: stamped with a change-log entry, and a checksum at the end. */
const LAYOUT = 2;
/**
 * What a snapshot must have been written with to be read: this layout and the tokenizer of this build.
 * A snapshot of another version (an index whose terms came from an older tokenizer) is never loaded:
 * the index is built again and the file replaced.
 */
export const SNAPSHOT_FORMAT = `${LAYOUT}.${TOKENIZER_VERSION}`;

/**
 * What a snapshot was built from: the database (its id tells databases apart) as of an entry of its
 * change log. A snapshot is used only for the same database; the changes logged after its entry are
 * applied on load (see SearchService), so it need not be written again after every change.
 */
export interface SnapshotStamp {
  databaseId: string;
  seq: number;
}

/** Bytes of the SHA-256 digest that ends every snapshot, over everything before it. */
const DIGEST_BYTES = 32;

type Directory = [group: string, key: string, offset: number, length: number][];

/** The snapshot's JSON header: the index content apart from its bitmaps, which follow it in binary. */
type Header = Omit<IndexContent, "postings" | "facetValues"> & {
  format: string;
  stamp: SnapshotStamp;
  bitmaps: Directory;
};

/** How old a temporary snapshot file must be to count as a crashed writer's: no writer takes this long. */
export const STALE_TEMPORARY_MS = 10 * 60 * 1000;

/**
 * Removes the temporary files (`<path>.<random>.tmp`) that writers killed half-way (kill -9, a power
 * cut) left beside a snapshot, so that they do not pile up. Only old ones: a fresh one may be another
 * process's write in progress. Best effort: a file that cannot be removed is left.
 */
export async function removeStaleTemporaries(path: string, now = Date.now()): Promise<void> {
  const prefix = `${basename(path)}.`;
  let names: string[];
  try {
    names = await readdir(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !/^[0-9a-f]{16}\.tmp$/.test(name.slice(prefix.length))) continue;
    const file = join(dirname(path), name);
    try {
      if (now - (await stat(file)).mtimeMs > STALE_TEMPORARY_MS) await rm(file, { force: true });
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}

/**
 * Saves an index next to its database, so that the next start (or `aigov search`) loads it in seconds
 * instead of indexing every event again: a JSON header, then every bitmap in roaring's portable format.
 * Written to a temporary file and renamed, so a reader never sees half of one; a digest at the end
 * tells a damaged or truncated file (a disk error, a copy cut short) from a good one.
 */
export async function writeSnapshot(path: string, index: SearchIndex, stamp: SnapshotStamp): Promise<void> {
  const content = index.toContent();
  const blobs: Buffer[] = [];
  const directory: Directory = [];
  let offset = 0;
  const groups: [string, Map<string, RoaringBitmap32>][] = [
    ...FIELDS.map((field): [string, Map<string, RoaringBitmap32>] => [
      `field:${field}`,
      content.postings[field],
    ]),
    ...FACETS.map((facet): [string, Map<string, RoaringBitmap32>] => [
      `facet:${facet}`,
      content.facetValues[facet],
    ]),
  ];
  for (const [group, bitmaps] of groups)
    for (const [key, bitmap] of bitmaps) {
      const blob = bitmap.serialize("portable") as unknown as Buffer;
      directory.push([group, key, offset, blob.length]);
      blobs.push(blob);
      offset += blob.length;
    }
  const header: Header = {
    format: SNAPSHOT_FORMAT,
    stamp,
    ids: content.ids,
    firstDays: content.firstDays,
    titles: content.titles,
    spanLastDay: content.spanLastDay,
    longestSpanDays: content.longestSpanDays,
    words: content.words,
    bitmaps: directory,
  };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(headerBytes.length));
  // Created exclusively under an unguessable name beside the target, and removed on every failure.
  const temporary = `${path}.${randomBytes(8).toString("hex")}.tmp`;
  const parts = [length, headerBytes, ...blobs];
  await mkdir(dirname(path), { recursive: true });
  const digest = createHash("sha256");
  for (const part of parts) digest.update(part);
  parts.push(digest.digest());
  await removeStaleTemporaries(path);
  const file = await open(temporary, "wx");
  try {
    try {
      await file.writev(parts);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Loads the snapshot of a database, with the change-log entry it was built as of; null when there is
 * none for this database, or the file is of another format, damaged or truncated (it is then built
 * again and replaced, never trusted).
 */
export async function readSnapshot(
  path: string,
  databaseId: string,
): Promise<{ index: SearchIndex; seq: number } | null> {
  let bytes: Buffer;
  try {
    const file = await open(path, "r");
    try {
      bytes = await file.readFile();
    } finally {
      await file.close();
    }
  } catch {
    return null;
  }
  try {
    if (bytes.length < 8 + DIGEST_BYTES) return null;
    const body = bytes.subarray(0, bytes.length - DIGEST_BYTES);
    const digest = createHash("sha256").update(body).digest();
    if (!digest.equals(bytes.subarray(bytes.length - DIGEST_BYTES))) return null;
    const headerLength = Number(body.readBigUInt64LE(0));
    const header = JSON.parse(body.subarray(8, 8 + headerLength).toString("utf8")) as Header;
    if (header.format !== SNAPSHOT_FORMAT) return null;
    if (databaseId === "" || header.stamp?.databaseId !== databaseId || !Number.isInteger(header.stamp.seq))
      return null;
    const base = 8 + headerLength;
    const postings = Object.fromEntries(FIELDS.map((f) => [f, new Map()])) as IndexContent["postings"];
    const facetValues = Object.fromEntries(FACETS.map((f) => [f, new Map()])) as IndexContent["facetValues"];
    for (const [group, key, offset, length] of header.bitmaps) {
      const bitmap = RoaringBitmap32.deserialize(
        body.subarray(base + offset, base + offset + length),
        "portable",
      );
      const [kind, name] = group.split(":") as ["field" | "facet", string];
      const target =
        kind === "field"
          ? postings[name as keyof typeof postings]
          : facetValues[name as keyof typeof facetValues];
      target.set(key, bitmap);
    }
    const index = SearchIndex.fromContent({
      ids: header.ids,
      firstDays: header.firstDays,
      titles: header.titles,
      spanLastDay: header.spanLastDay,
      longestSpanDays: header.longestSpanDays,
      words: header.words,
      postings,
      facetValues,
    });
    return { index, seq: header.stamp.seq };
  } catch {
    // A damaged or foreign file is no snapshot: the index is built again and the file replaced.
    return null;
  }
}
