import { createHash, randomBytes } from "node:crypto";
import { type FileHandle, mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { RoaringBitmap32 } from "./bitmaps.js";
import { PackedStrings } from "./packedStrings.js";
import { FACETS, FIELDS, type IndexContent, SearchIndex } from "./searchIndex.js";
import { INDEXED_CONTENT_VERSION } from "./documentIndexer.js";
import { TOKENIZER_VERSION } from "./textTerms.js";

/**
 * Bump when the layout below changes. 2: stamped with a change-log entry, a digest at the end. 3: ids,
 * titles and days in binary (a million of each were a JSON header of 100+ MB), read piece by piece.
 * 4: ids and titles in UTF-8 (as the index keeps them, see PackedStrings), offsets in bytes.
 */
const LAYOUT = 4;
/**
 * What a snapshot must have been written with to be read: this layout, the tokenizer of this build and
 * the text it indexes of each event. A snapshot of another version (an index whose terms came from an
 * older tokenizer, or from fewer fields) is never loaded: the index is built again and the file replaced.
 */
export const SNAPSHOT_FORMAT = `${LAYOUT}.${TOKENIZER_VERSION}.${INDEXED_CONTENT_VERSION}`;

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

/**
 * The snapshot's JSON header: the small parts of the index content, and a directory of the binary parts
 * that follow it in this order: the documents' ids and titles (UTF-8 bytes and Uint32 offsets) and first
 * days (Int32), then every bitmap in roaring's portable format.
 */
type Header = Pick<IndexContent, "spanLastDay" | "longestSpanDays" | "words"> & {
  format: string;
  stamp: SnapshotStamp;
  bitmaps: Directory;
};

/** Bytes read at a time: the whole file (hundreds of MB at a million events) is never in memory at once. */
const READ_CHUNK = 16 * 1024 * 1024;

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
  const add = (group: string, key: string, blob: Buffer) => {
    directory.push([group, key, offset, blob.length]);
    blobs.push(blob);
    offset += blob.length;
  };
  const typed = (array: Uint32Array | Int32Array) =>
    Buffer.from(array.buffer, array.byteOffset, array.byteLength);
  add("doc", "ids.text", content.ids.bytes);
  add("doc", "ids.offsets", typed(content.ids.offsets));
  add("doc", "titles.text", content.titles.bytes);
  add("doc", "titles.offsets", typed(content.titles.offsets));
  add("doc", "firstDays", typed(content.firstDayNumbers));
  for (const field of FIELDS)
    for (const [key, bitmap] of content.postings[field])
      add(`field:${field}`, key, bitmap.serialize("portable") as unknown as Buffer);
  for (const facet of FACETS)
    for (const [key, bitmap] of content.facetValues[facet])
      add(`facet:${facet}`, key, bitmap.serialize("portable") as unknown as Buffer);
  const header: Header = {
    format: SNAPSHOT_FORMAT,
    stamp,
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
      // In groups: writev takes at most IOV_MAX (1024) buffers at once on Linux.
      for (let i = 0; i < parts.length; i += 1000) await file.writev(parts.slice(i, i + 1000));
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

/** Reads a file front to back in pieces, feeding every byte read to a digest. */
class SequentialReader {
  private buffered = Buffer.alloc(0);
  private position: number;
  readonly digest = createHash("sha256");

  constructor(
    private readonly file: FileHandle,
    private readonly end: number,
    start = 0,
  ) {
    this.position = start;
  }

  /** Reads `length` bytes at the file position into `target` from `offset`, and digests them. */
  private async readInto(target: Buffer, offset: number, length: number): Promise<void> {
    let done = 0;
    while (done < length) {
      const { bytesRead } = await this.file.read(target, offset + done, length - done, this.position + done);
      if (bytesRead === 0) throw new Error("snapshot: cut short");
      done += bytesRead;
    }
    this.position += length;
    this.digest.update(target.subarray(offset, offset + length));
  }

  /**
   * The next `length` bytes: a view into the buffer (copy what is kept), or, for a piece larger than a
   * chunk, a buffer of its own read straight from the file (loading a million titles once, not twice).
   */
  async take(length: number): Promise<Buffer> {
    if (length > this.end - this.position + this.buffered.length) throw new Error("snapshot: cut short");
    if (this.buffered.length >= length) return this.consume(length);
    if (length >= READ_CHUNK) {
      const piece = Buffer.allocUnsafe(length);
      const have = this.buffered.copy(piece, 0);
      this.buffered = Buffer.alloc(0);
      await this.readInto(piece, have, length - have);
      return piece;
    }
    const wanted = Math.min(this.end - this.position, READ_CHUNK);
    const next = Buffer.allocUnsafe(this.buffered.length + wanted);
    const have = this.buffered.copy(next, 0);
    await this.readInto(next, have, wanted);
    this.buffered = next;
    return this.consume(length);
  }

  private consume(length: number): Buffer {
    const taken = this.buffered.subarray(0, length);
    this.buffered = this.buffered.subarray(length);
    return taken;
  }

  get remaining(): number {
    return this.end - this.position + this.buffered.length;
  }
}

/** Bytes copied out of a piece of file into a buffer of their own (not keeping the piece alive). */
function copyBytes(bytes: Buffer): Buffer {
  const copy = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(copy);
  return copy;
}

/** The bytes of a typed array, copied out of a piece of file (aligned, and not keeping the piece alive). */
function copyOut(bytes: Buffer): ArrayBuffer {
  if (bytes.length % 4 !== 0) throw new Error("snapshot: a typed array of odd length");
  const buffer = new ArrayBuffer(bytes.length);
  new Uint8Array(buffer).set(bytes);
  return buffer;
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
  let file: FileHandle;
  try {
    file = await open(path, "r");
  } catch {
    return null;
  }
  const made: RoaringBitmap32[] = [];
  try {
    const size = (await file.stat()).size;
    if (size < 8 + DIGEST_BYTES) return null;
    const reader = new SequentialReader(file, size - DIGEST_BYTES);
    const headerLength = Number((await reader.take(8)).readBigUInt64LE(0));
    const header = JSON.parse((await reader.take(headerLength)).toString("utf8")) as Header;
    if (header.format !== SNAPSHOT_FORMAT) return null;
    if (databaseId === "" || header.stamp?.databaseId !== databaseId || !Number.isInteger(header.stamp.seq))
      return null;
    const postings = Object.fromEntries(FIELDS.map((f) => [f, new Map()])) as IndexContent["postings"];
    const facetValues = Object.fromEntries(FACETS.map((f) => [f, new Map()])) as IndexContent["facetValues"];
    // The per-document arrays, decoded as they are read (the largest, the titles, is a sixth of the file).
    const texts = new Map<string, Buffer>();
    const arrays = new Map<string, ArrayBuffer>();
    let expected = 0;
    for (const [group, key, offset, length] of header.bitmaps) {
      if (offset !== expected) return null;
      expected += length;
      const bytes = await reader.take(length);
      if (group === "doc") {
        // Copied out of the chunk read, unless it is a piece read on its own (the titles, as a rule).
        const own = bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.length;
        if (key.endsWith(".text")) texts.set(key, own ? bytes : copyBytes(bytes));
        else arrays.set(key, copyOut(bytes));
        continue;
      }
      const bitmap = RoaringBitmap32.deserialize(bytes, "portable");
      made.push(bitmap);
      const [kind, name] = group.split(":") as ["field" | "facet", string];
      const target =
        kind === "field"
          ? postings[name as keyof typeof postings]
          : facetValues[name as keyof typeof facetValues];
      target.set(key, bitmap);
    }
    if (reader.remaining !== 0) return null;
    const stored = Buffer.alloc(DIGEST_BYTES);
    await file.read(stored, 0, DIGEST_BYTES, size - DIGEST_BYTES);
    if (!reader.digest.digest().equals(stored)) return null;
    const text = (key: string) => {
      const found = texts.get(key);
      if (found === undefined) throw new Error(`snapshot: no ${key}`);
      return found;
    };
    const array = (key: string) => {
      const found = arrays.get(key);
      if (!found) throw new Error(`snapshot: no ${key}`);
      return found;
    };
    const index = SearchIndex.fromContent({
      ids: new PackedStrings(text("ids.text"), new Uint32Array(array("ids.offsets"))),
      titles: new PackedStrings(text("titles.text"), new Uint32Array(array("titles.offsets"))),
      firstDayNumbers: new Int32Array(array("firstDays")),
      spanLastDay: header.spanLastDay,
      longestSpanDays: header.longestSpanDays,
      words: header.words,
      postings,
      facetValues,
    });
    made.length = 0;
    return { index, seq: header.stamp.seq };
  } catch {
    // A damaged or foreign file is no snapshot: the index is built again and the file replaced.
    return null;
  } finally {
    // Bitmaps of a snapshot refused half-way hold native memory: free them now.
    for (const bitmap of made) bitmap.dispose();
    await file.close();
  }
}
