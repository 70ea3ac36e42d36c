import { RoaringBitmap32 } from "./bitmaps.js";

/**
 * Collects the documents of each term while indexing. Lists of plain numbers are quick to append to
 * but take 8 bytes a posting; flush() moves them into compressed bitmaps every so many documents, so
 * that indexing a million events holds bitmaps, not hundreds of millions of numbers.
 */
export class PostingBuilder {
  private readonly lists = new Map<string, number[]>();
  /** CJK terms by the code units of their characters (second 0 for a lone one): Smi keys, no strings. */
  private readonly pairs = new Map<number, Map<number, number[]>>();
  private readonly bitmaps = new Map<string, RoaringBitmap32>();

  /** Adds a document to a term's list; documents come in ascending order, so a repeat is the last one. */
  add(term: string, doc: number) {
    const list = this.lists.get(term);
    if (list === undefined) this.lists.set(term, [doc]);
    else if (list[list.length - 1] !== doc) list.push(doc);
  }

  /** add() for a CJK term given as code units: a bigram of two, or one character with second = 0. */
  addPair(first: number, second: number, doc: number) {
    let bySecond = this.pairs.get(first);
    if (bySecond === undefined) this.pairs.set(first, (bySecond = new Map()));
    const list = bySecond.get(second);
    if (list === undefined) bySecond.set(second, [doc]);
    else if (list[list.length - 1] !== doc) list.push(doc);
  }

  private addToBitmap(term: string, docs: number[]) {
    const bitmap = this.bitmaps.get(term);
    if (bitmap) bitmap.addMany(docs);
    else this.bitmaps.set(term, new RoaringBitmap32(docs));
  }

  /** Moves the lists collected so far into the bitmaps. */
  flush() {
    for (const [term, docs] of this.lists) this.addToBitmap(term, docs);
    this.lists.clear();
    for (const [first, bySecond] of this.pairs)
      for (const [second, docs] of bySecond)
        this.addToBitmap(
          second === 0 ? String.fromCharCode(first) : String.fromCharCode(first, second),
          docs,
        );
    this.pairs.clear();
  }

  /** Every term's documents as a compact bitmap. The builder is empty afterwards. */
  build(): Map<string, RoaringBitmap32> {
    this.flush();
    const built = new Map(this.bitmaps);
    this.bitmaps.clear();
    for (const bitmap of built.values()) {
      bitmap.runOptimize();
      bitmap.shrinkToFit();
    }
    return built;
  }
}
