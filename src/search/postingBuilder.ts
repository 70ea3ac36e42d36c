import { RoaringBitmap32 } from "./bitmaps.js";

/** Postings a builder holds before it grows its buffers (they double as needed). */
const INITIAL_POSTINGS = 1 << 16;
const INITIAL_TERMS = 1 << 10;

/**
 * Collects the documents of each term while indexing, then hands them over as compressed bitmaps.
 *
 * It is the innermost loop of a build (a million events make some 300 million term occurrences), so
 * nothing is allocated per occurrence: each term gets a number the first time it is seen, a posting is
 * two integers appended to typed arrays, and a repeat within a document is caught by remembering each
 * term's last document. flush() groups the postings by term with a counting sort and adds each term's
 * run to its bitmap at once; between flushes the buffers hold 8 bytes a posting, so the caller flushes
 * every so many documents. (Lists of numbers per term, before this, made a third of the build's
 * garbage.)
 */
export class PostingBuilder {
  private readonly termNumbers = new Map<string, number>();
  /** CJK terms by the numbers of their one or two characters: no string is made or hashed per bigram. */
  private readonly pairNumbers = new Map<number, number>();
  /**
   * Each BMP code unit seen in a CJK term, numbered from 1 in order of appearance: the key of a pair is
   * then below 2^31 (a small integer to V8) for any text with fewer than 32,768 distinct characters.
   */
  private readonly charNumbers = new Uint16Array(0x10000);
  private chars = 0;
  private readonly terms: string[] = [];
  private lastDoc = new Int32Array(INITIAL_TERMS).fill(-1);
  private postingTerms = new Int32Array(INITIAL_POSTINGS);
  private postingDocs = new Uint32Array(INITIAL_POSTINGS);
  private pending = 0;
  private readonly bitmaps: (RoaringBitmap32 | undefined)[] = [];

  /** Adds a document to a term. A document's terms come together: a repeat is dropped here. */
  add(term: string, doc: number): void {
    let number = this.termNumbers.get(term);
    if (number === undefined) this.termNumbers.set(term, (number = this.newTerm(term)));
    this.post(number, doc);
  }

  /** add() for a CJK term given as code units: a bigram of two, or one character with second = 0. */
  addPair(first: number, second: number, doc: number): void {
    const key = this.charNumber(first) * 0x10000 + (second === 0 ? 0 : this.charNumber(second));
    let number = this.pairNumbers.get(key);
    if (number === undefined) {
      const term = second === 0 ? String.fromCharCode(first) : String.fromCharCode(first, second);
      // The same term may have come through add() (a caller without pairs): one number for both.
      number = this.termNumbers.get(term);
      if (number === undefined) this.termNumbers.set(term, (number = this.newTerm(term)));
      this.pairNumbers.set(key, number);
    }
    this.post(number, doc);
  }

  private charNumber(code: number): number {
    let number = this.charNumbers[code] as number;
    if (number === 0) this.charNumbers[code] = number = ++this.chars;
    return number;
  }

  private newTerm(term: string): number {
    const number = this.terms.length;
    this.terms.push(term);
    if (number === this.lastDoc.length) {
      const grown = new Int32Array(number * 2).fill(-1);
      grown.set(this.lastDoc);
      this.lastDoc = grown;
    }
    return number;
  }

  private post(term: number, doc: number): void {
    if (this.lastDoc[term] === doc) return;
    this.lastDoc[term] = doc;
    const at = this.pending;
    if (at === this.postingTerms.length) {
      const terms = new Int32Array(at * 2);
      terms.set(this.postingTerms);
      this.postingTerms = terms;
      const docs = new Uint32Array(at * 2);
      docs.set(this.postingDocs);
      this.postingDocs = docs;
    }
    this.postingTerms[at] = term;
    this.postingDocs[at] = doc;
    this.pending = at + 1;
  }

  /** Moves the postings collected so far into the bitmaps, each term's in one call. */
  flush(): void {
    const count = this.pending;
    if (count === 0) return;
    const termCount = this.terms.length;
    const postingTerms = this.postingTerms;
    const postingDocs = this.postingDocs;
    // Counting sort by term: where each term's documents start, then each document into its place
    // (in the order added, so a term's documents stay ascending when they were added so).
    const starts = new Uint32Array(termCount + 1);
    for (let i = 0; i < count; i++) {
      const slot = (postingTerms[i] as number) + 1;
      starts[slot] = (starts[slot] as number) + 1;
    }
    for (let t = 0; t < termCount; t++) starts[t + 1] = (starts[t + 1] as number) + (starts[t] as number);
    const next = starts.slice(0, termCount);
    const docs = new Uint32Array(count);
    for (let i = 0; i < count; i++) {
      const term = postingTerms[i] as number;
      const at = next[term] as number;
      docs[at] = postingDocs[i] as number;
      next[term] = at + 1;
    }
    for (let t = 0; t < termCount; t++) {
      const start = starts[t] as number;
      const end = starts[t + 1] as number;
      if (start === end) continue;
      const run = docs.subarray(start, end);
      const bitmap = this.bitmaps[t];
      if (bitmap) bitmap.addMany(run);
      else this.bitmaps[t] = new RoaringBitmap32(run);
    }
    this.pending = 0;
  }

  /** Every term's documents as a compact bitmap. The builder is spent afterwards. */
  build(): Map<string, RoaringBitmap32> {
    this.flush();
    const built = new Map<string, RoaringBitmap32>();
    this.bitmaps.forEach((bitmap, term) => {
      if (!bitmap) return;
      bitmap.runOptimize();
      bitmap.shrinkToFit();
      built.set(this.terms[term] as string, bitmap);
    });
    this.bitmaps.length = 0;
    return built;
  }
}
