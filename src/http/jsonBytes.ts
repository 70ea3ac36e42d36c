/** Bytes that are JSON already (a stored event), to be placed in an answer as they are. */
export class RawJson {
  constructor(readonly bytes: Buffer) {}

  /** A JSON array of items that are JSON already. */
  static array(items: Buffer[]): RawJson {
    const parts: Buffer[] = [OPEN_BRACKET];
    items.forEach((item, i) => {
      if (i) parts.push(COMMA);
      parts.push(item);
    });
    parts.push(CLOSE_BRACKET);
    return new RawJson(Buffer.concat(parts));
  }
}

const OPEN_BRACKET = Buffer.from("[");
const CLOSE_BRACKET = Buffer.from("]");
const COMMA = Buffer.from(",");

/**
 * A JSON object as bytes, its members in the order given: RawJson members as they are, the rest
 * stringified. The API's listings send stored events this way, with no parse and no stringify of them.
 */
export function jsonObjectBytes(members: Record<string, unknown>): Buffer<ArrayBuffer> {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(members)) {
    if (value === undefined) continue;
    parts.push(Buffer.from(`${parts.length ? "," : "{"}${JSON.stringify(name)}:`));
    parts.push(value instanceof RawJson ? value.bytes : Buffer.from(JSON.stringify(value)));
  }
  parts.push(Buffer.from(parts.length ? "}" : "{}"));
  // Buffer.concat allocates a plain ArrayBuffer (never a shared one), which Response bodies require.
  return Buffer.concat(parts) as Buffer<ArrayBuffer>;
}
