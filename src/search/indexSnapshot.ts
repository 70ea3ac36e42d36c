import { randomBytes } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";
import { RoaringBitmap32 } from "./bitmaps.js";
import { FACETS, FIELDS, type IndexContent, SearchIndex } from "./searchIndex.js";
import { TOKENIZER_VERSION } from "./textTerms.js";

/** Bump when the layout below changes. */
const LAYOUT = 1;
/**
 * What a snapshot must have been written with to be read: this layout and the tokenizer of this build.
 * A snapshot of another version (an index whose terms came from an older tokenizer) is never loaded:
 * the index is built again and the file replaced.
 */
export const SNAPSHOT_FORMAT = `${LAYOUT}.${TOKENIZER_VERSION}`;

/**
 * What a snapshot must match to be used: the data it was built from. The database id tells databases
 * apart (two databases with as many writes and events have equal counters); the data version, bumped by
 * every write, tells one database's contents apart over time.
 */
export interface SnapshotStamp {
  databaseId: string;
  dataVersion: number;
  events: number;
}

/** Whether two stamps are the same in every field (fields added later included; none may be missing). */
export function stampsMatch(saved: unknown, current: SnapshotStamp): boolean {
  if (typeof saved !== "object" || saved === null) return false;
  const entries = Object.entries(current);
  return (
    current.databaseId !== "" &&
    Object.keys(saved).length === entries.length &&
    entries.every(([key, value]) => (saved as Record<string, unknown>)[key] === value)
  );
}

type Directory = [group: string, key: string, offset: number, length: number][];

/** The snapshot's JSON header: the index content apart from its bitmaps, which follow it in binary. */
type Header = Omit<IndexContent, "postings" | "facetValues"> & {
  format: string;
  stamp: SnapshotStamp;
  bitmaps: Directory;
};

/**
 * Saves an index next to its database, so that the next start (or `aigov search`) loads it in seconds
 * instead of indexing every event again: a JSON header, then every bitmap in roaring's portable format.
 * Written to a temporary file and renamed, so a reader never sees half of one.
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
  const file = await open(temporary, "wx");
  try {
    try {
      await file.writev([length, headerBytes, ...blobs]);
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Loads a snapshot if there is one for exactly this data (same stamp and format); otherwise null. */
export async function readSnapshot(path: string, stamp: SnapshotStamp): Promise<SearchIndex | null> {
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
    const headerLength = Number(bytes.readBigUInt64LE(0));
    const header = JSON.parse(bytes.subarray(8, 8 + headerLength).toString("utf8")) as Header;
    if (header.format !== SNAPSHOT_FORMAT || !stampsMatch(header.stamp, stamp)) return null;
    const base = 8 + headerLength;
    const postings = Object.fromEntries(FIELDS.map((f) => [f, new Map()])) as IndexContent["postings"];
    const facetValues = Object.fromEntries(FACETS.map((f) => [f, new Map()])) as IndexContent["facetValues"];
    for (const [group, key, offset, length] of header.bitmaps) {
      const bitmap = RoaringBitmap32.deserialize(
        bytes.subarray(base + offset, base + offset + length),
        "portable",
      );
      const [kind, name] = group.split(":") as ["field" | "facet", string];
      const target =
        kind === "field"
          ? postings[name as keyof typeof postings]
          : facetValues[name as keyof typeof facetValues];
      target.set(key, bitmap);
    }
    return SearchIndex.fromContent({
      ids: header.ids,
      firstDays: header.firstDays,
      titles: header.titles,
      spanLastDay: header.spanLastDay,
      longestSpanDays: header.longestSpanDays,
      words: header.words,
      postings,
      facetValues,
    });
  } catch {
    // A damaged or foreign file is no snapshot: the index is built again and the file replaced.
    return null;
  }
}
