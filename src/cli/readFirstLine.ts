import type { InputStream } from "./cliIo.js";

/** More than any password the accounts take (1,000 characters): a longer line is refused by them, not read on. */
const MAX_LINE_BYTES = 8 * 1024;

/**
 * The first line of what is piped in, without its line ending (`\n` or `\r\n`): how `users add` takes a
 * password (`printf '%s\n' "$PW" | aigov users add …`), so that it never appears in the shell's history
 * or the process list. Reads no further than the first line (or MAX_LINE_BYTES); nothing piped is "".
 */
export async function readFirstLine(stream: InputStream | undefined): Promise<string> {
  if (!stream) return "";
  const pieces: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    const end = bytes.indexOf(0x0a);
    pieces.push(end === -1 ? bytes : bytes.subarray(0, end));
    size += bytes.length;
    if (end !== -1 || size > MAX_LINE_BYTES) break;
  }
  return Buffer.concat(pieces).toString("utf8").replace(/\r$/, "");
}
