import { readFileSync } from "node:fs";
import { ImportError } from "./importError.js";

/**
 * Reads a file as UTF-8 text, refusing what is not text: a missing file, an empty one, or binary content
 * (a NUL byte or bytes that are not UTF-8), each with a message that says so.
 */
export function readTextFile(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (error as Error).message;
    throw new ImportError(path, null, `cannot read: ${reason}`);
  }
  if (bytes.length === 0 || bytes.toString("utf8").trim() === "")
    throw new ImportError(path, null, "the file is empty: expected a chronicle report, JSON or CSV");
  const nul = bytes.indexOf(0);
  if (nul !== -1)
    throw new ImportError(path, null, `binary content (a NUL byte at offset ${nul}): expected a text file`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError(
      path,
      null,
      "not UTF-8 text: expected a chronicle report, JSON or CSV encoded in UTF-8",
    );
  }
}
