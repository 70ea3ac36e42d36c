import { createReadStream } from "node:fs";
import { ImportError } from "./importError.js";

/** Size of the pieces a file is read in: large enough that per-chunk costs vanish, small enough to hold many. */
const CHUNK_BYTES = 1 << 20;

/**
 * The bytes of a file, chunk by chunk, refusing what cannot be read (a missing file, a folder) with an
 * ImportError. `onBytes` hears how many bytes each chunk held, for progress.
 */
export async function* fileChunks(path: string, onBytes?: (bytes: number) => void): AsyncGenerator<Buffer> {
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  try {
    for await (const chunk of stream) {
      onBytes?.((chunk as Buffer).length);
      yield chunk as Buffer;
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (error as Error).message;
    throw new ImportError(path, null, `cannot read: ${reason}`);
  } finally {
    stream.destroy();
  }
}

/** A text as chunks of at most `size` bytes (for tests, and for readers given text already in memory). */
export async function* textChunks(text: string | Buffer, size = CHUNK_BYTES): AsyncGenerator<Buffer> {
  const bytes = typeof text === "string" ? Buffer.from(text) : text;
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

const isSpace = (byte: number) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

/**
 * Passes chunks through while checking, in the same pass, that they are text: no NUL byte, valid UTF-8
 * (checked by a streaming decoder, so a character split between chunks is fine) and not empty or blank.
 * Each check fails with an ImportError that says what the file is instead.
 */
export async function* checkedText(chunks: AsyncIterable<Buffer>, file: string): AsyncGenerator<Buffer> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let offset = 0;
  let blank = true;
  for await (const chunk of chunks) {
    const nul = chunk.indexOf(0);
    if (nul !== -1)
      throw new ImportError(
        file,
        null,
        `binary content (a NUL byte at offset ${offset + nul}): expected a text file`,
      );
    try {
      decoder.decode(chunk, { stream: true });
    } catch {
      throw notUtf8(file);
    }
    if (blank)
      for (const byte of chunk)
        if (!isSpace(byte) && byte !== 0xef && byte !== 0xbb && byte !== 0xbf) {
          blank = false;
          break;
        }
    offset += chunk.length;
    yield chunk;
  }
  try {
    decoder.decode();
  } catch {
    throw notUtf8(file);
  }
  if (blank) throw new ImportError(file, null, "the file is empty: expected a chronicle report, JSON or CSV");
}

const notUtf8 = (file: string) =>
  new ImportError(file, null, "not UTF-8 text: expected a chronicle report, JSON or CSV encoded in UTF-8");
