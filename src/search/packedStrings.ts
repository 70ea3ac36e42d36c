/**
 * Many strings kept as one: their UTF-8 bytes end to end in a single buffer, and the offsets where
 * each begins. A million short strings are a million objects for the garbage collector to trace on
 * every full collection; one buffer and a typed array are two (full collections at 1M events went
 * from tens of ms to a few). UTF-8 rather than a joined JavaScript string: a string with one Chinese
 * character in it is two bytes a character throughout, and the titles of a million events (Chinese and
 * English, as phrase keys) were 166 MB so, 119 MB as UTF-8; the ids, ASCII, half as much.
 */
export class PackedStrings {
  /** The strings' UTF-8 bytes, end to end. */
  readonly bytes: Buffer;
  /** Where each string begins in `bytes`, and where the last ends. */
  readonly offsets: Uint32Array;

  /** Strings packed already (a snapshot's): their bytes and offsets, checked to fit each other. */
  constructor(bytes: Buffer, offsets: Uint32Array) {
    if (offsets.length === 0 || offsets[offsets.length - 1] !== bytes.length)
      throw new Error("packed strings: the offsets do not fit the bytes");
    this.bytes = bytes;
    this.offsets = offsets;
  }

  /** Packs strings given one by one. */
  static of(strings: string[]): PackedStrings {
    const offsets = new Uint32Array(strings.length + 1);
    let at = 0;
    strings.forEach((value, i) => {
      offsets[i] = at;
      at += Buffer.byteLength(value, "utf8");
    });
    offsets[strings.length] = at;
    // Its own allocation (not a slice of Node's shared pool), so that it holds no other bytes alive.
    const bytes = Buffer.allocUnsafeSlow(at);
    strings.forEach((value, i) => bytes.write(value, offsets[i] as number, "utf8"));
    return new PackedStrings(bytes, offsets);
  }

  get length(): number {
    return this.offsets.length - 1;
  }

  /** The i-th string. */
  get(i: number): string {
    return this.bytes.toString("utf8", this.offsets[i], this.offsets[i + 1]);
  }

  /**
   * Whether the i-th string contains `needle` (UTF-8 bytes), read in place: a match of bytes is a
   * match of text, since no character's encoding begins inside another's.
   */
  includes(i: number, needle: Buffer): boolean {
    // A plain loop: a titles' worth of bytes is too short for Buffer.includes to make up for the view
    // and the native call it costs per string (twice as slow over the 5,000 titles a query may check).
    const bytes = this.bytes;
    const length = needle.length;
    if (length === 0) return true;
    const first = needle[0];
    const last = (this.offsets[i + 1] as number) - length;
    search: for (let at = this.offsets[i] as number; at <= last; at++) {
      if (bytes[at] !== first) continue;
      for (let k = 1; k < length; k++) if (bytes[at + k] !== needle[k]) continue search;
      return true;
    }
    return false;
  }

  /**
   * The positions of the strings that equal one of `wanted`, in one pass over the offsets: strings of
   * another length are passed over without being read, so finding a few ids among a million is quick.
   */
  positionsOf(wanted: ReadonlySet<string>): number[] {
    const lengths = new Set<number>();
    for (const value of wanted) lengths.add(Buffer.byteLength(value, "utf8"));
    const found: number[] = [];
    for (let i = 0; i < this.length; i++) {
      const start = this.offsets[i] as number;
      const end = this.offsets[i + 1] as number;
      if (lengths.has(end - start) && wanted.has(this.bytes.toString("utf8", start, end))) found.push(i);
    }
    return found;
  }

  /** Every string, as an array. */
  toArray(): string[] {
    return Array.from({ length: this.length }, (_, i) => this.get(i));
  }
}
