/**
 * Bytes that are JSON already (stored events), to be placed in an answer as they are. Kept as parts,
 * joined once, when the whole answer is: a page's events are copied one time, not once per level.
 */
export class RawJson {
  private constructor(readonly parts: readonly Buffer[]) {}

  static of(bytes: Buffer): RawJson {
    return new RawJson([bytes]);
  }

  /** A JSON array of items that are JSON already. */
  static array(items: readonly Buffer[]): RawJson {
    const parts: Buffer[] = [OPEN_BRACKET];
    items.forEach((item, i) => {
      if (i) parts.push(COMMA);
      parts.push(item);
    });
    parts.push(CLOSE_BRACKET);
    return new RawJson(parts);
  }
}

const OPEN_BRACKET = Buffer.from("[");
const CLOSE_BRACKET = Buffer.from("]");
const COMMA = Buffer.from(",");

/**
 * A JSON object as bytes, its members in the order given: RawJson members as they are, the rest
 * stringified (undefined ones left out, as JSON.stringify does). The API's listings send stored
 * events this way, with no parse and no stringify of them.
 */
export function jsonObjectBytes(members: Record<string, unknown>): Buffer<ArrayBuffer> {
  // The answer's own text (names, numbers, cursors) as strings, its stored parts as they are: the
  // total length is known before anything is copied, so the answer is one allocation, written once.
  const parts: (string | Buffer)[] = [];
  let text = "{";
  for (const [name, value] of Object.entries(members)) {
    if (value === undefined) continue;
    text += `${text === "{" ? "" : ","}${JSON.stringify(name)}:`;
    if (value instanceof RawJson) {
      parts.push(text, ...value.parts);
      text = "";
    } else text += JSON.stringify(value);
  }
  parts.push(`${text}}`);
  let length = 0;
  for (const part of parts) length += typeof part === "string" ? Buffer.byteLength(part) : part.length;
  // Buffer.alloc makes a plain ArrayBuffer (never a shared one), which Response bodies require.
  const bytes = Buffer.allocUnsafeSlow(length) as Buffer<ArrayBuffer>;
  let at = 0;
  for (const part of parts) at += typeof part === "string" ? bytes.write(part, at) : part.copy(bytes, at);
  return bytes;
}
