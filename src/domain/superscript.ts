// Pure (no zod, no Node): the search tokenizer and the profile's number reader both use it.

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/** Superscript digits and signs as plain ones: `²⁵` → `25`, `⁻³` → `-3` (for powers written `10²⁵`). */
export function superscriptToPlain(text: string): string {
  return [...text]
    .map((c) => {
      const digit = SUPERSCRIPT.indexOf(c);
      if (digit >= 0) return String(digit);
      return c === "⁺" ? "+" : c === "⁻" ? "-" : c;
    })
    .join("");
}
