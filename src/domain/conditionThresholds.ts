/**
 * The compute thresholds (FLOP) a duty's conditions test, however deep they sit in the tree of tests and
 * groups: the values of `trainingFlop` and `fineTuningFlop` tests. A revenue or a count of users is no
 * threshold of compute. Search names a duty by them and /compare lines them up.
 */
export function flopThresholds(conditions: unknown): number[] {
  if (Array.isArray(conditions)) return conditions.flatMap(flopThresholds);
  if (!conditions || typeof conditions !== "object") return [];
  const node = conditions as Record<string, unknown>;
  const own =
    typeof node.field === "string" && /Flop$/.test(node.field) && typeof node.value === "number"
      ? [node.value]
      : [];
  return [...own, ...Object.values(node).flatMap(flopThresholds)];
}

/** A threshold that is a power of ten as its exponent (1e25 → 25), else null. */
export function powerOfTen(value: number): number | null {
  const exponent = Math.log10(value);
  return value >= 10 && Number.isInteger(exponent) ? exponent : null;
}
