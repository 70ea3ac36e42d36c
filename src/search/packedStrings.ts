/**
 * Many strings kept as one: a single joined string and the offsets where each begins. A million short
 * strings are a million objects for the garbage collector to trace on every full collection; one long
 * string and a typed array are two (full collections at 1M events went from tens of ms to a few).
 */
export class PackedStrings {
  readonly text: string;
  /** Where each string begins in `text`, in UTF-16 code units, and where the last ends. */
  readonly offsets: Uint32Array;

  /** Strings packed already (a snapshot's): their text and offsets, checked to fit each other. */
  constructor(text: string, offsets: Uint32Array) {
    if (offsets.length === 0 || offsets[offsets.length - 1] !== text.length)
      throw new Error("packed strings: the offsets do not fit the text");
    this.text = text;
    this.offsets = offsets;
  }

  /** Packs strings given one by one. */
  static of(strings: string[]): PackedStrings {
    const offsets = new Uint32Array(strings.length + 1);
    let at = 0;
    strings.forEach((value, i) => {
      offsets[i] = at;
      at += value.length;
    });
    offsets[strings.length] = at;
    return new PackedStrings(strings.join(""), offsets);
  }

  get length(): number {
    return this.offsets.length - 1;
  }

  /** The i-th string. */
  get(i: number): string {
    return this.text.slice(this.offsets[i], this.offsets[i + 1]);
  }

  /**
   * The positions of the strings that equal one of `wanted`, in one pass over the offsets: strings of
   * another length are passed over without being read, so finding a few ids among a million is quick.
   */
  positionsOf(wanted: ReadonlySet<string>): number[] {
    const lengths = new Set<number>();
    for (const value of wanted) lengths.add(value.length);
    const found: number[] = [];
    for (let i = 0; i < this.length; i++) {
      const start = this.offsets[i] as number;
      const end = this.offsets[i + 1] as number;
      if (lengths.has(end - start) && wanted.has(this.text.slice(start, end))) found.push(i);
    }
    return found;
  }

  /** Every string, as an array (for snapshots). */
  toArray(): string[] {
    return Array.from({ length: this.length }, (_, i) => this.get(i));
  }
}
