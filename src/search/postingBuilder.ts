import { RoaringBitmap32 } from "./bitmaps.js";

/** Collects the documents of each term while indexing, then turns each list into a compressed bitmap. */
export class PostingBuilder {
  readonly lists = new Map<string, number[]>();
  /** Adds a document to a term's list; documents come in ascending order, so a repeat is the last one. */
  add(term: string, doc: number) {
    const list = this.lists.get(term);
    if (list === undefined) this.lists.set(term, [doc]);
    else if (list[list.length - 1] !== doc) list.push(doc);
  }
  build(): Map<string, RoaringBitmap32> {
    const bitmaps = new Map<string, RoaringBitmap32>();
    for (const [term, docs] of this.lists) {
      const bitmap = new RoaringBitmap32(Uint32Array.from(docs));
      bitmap.runOptimize();
      bitmap.shrinkToFit();
      bitmaps.set(term, bitmap);
    }
    this.lists.clear();
    return bitmaps;
  }
}
