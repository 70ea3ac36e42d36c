import roaring from "roaring";

/** Compressed bitmaps of document numbers (CRoaring), the unit the search index is made of. */
export const { RoaringBitmap32 } = roaring;
export type RoaringBitmap32 = InstanceType<typeof RoaringBitmap32>;

/** The intersection of several bitmaps. */
export function andMany(bitmaps: RoaringBitmap32[]): RoaringBitmap32 {
  const [first, ...rest] = bitmaps;
  const result = first ? first.clone() : new RoaringBitmap32();
  for (const bitmap of rest) result.andInPlace(bitmap);
  return result;
}
