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

/** Digits as superscript ones: `26` → `²⁶`. */
export function plainToSuperscript(digits: string): string {
  return [...digits].map((c) => (/\d/.test(c) ? SUPERSCRIPT[Number(c)] : c === "-" ? "⁻" : c)).join("");
}

const MATH_SIGNS: Record<string, string> = {
  geq: "≥",
  ge: "≥",
  leq: "≤",
  le: "≤",
  times: "×",
  approx: "≈",
  gt: ">",
  lt: "<",
};

/**
 * Text as a reader should see it where a source wrote mathematics in TeX (`$\geq 10^{26}$`, from a PDF
 * extraction) or a power with a caret (`10^26`): signs as signs and exponents as exponents
 * (`≥ 10²⁶`). The stored text keeps what the source printed; this is for display.
 */
export function readableMath(text: string): string {
  if (!text.includes("^") && !text.includes("$")) return text;
  const powers = (part: string) =>
    part.replace(
      /(\d)\s*\^\s*(?:\{\s*(-?\d{1,3})\s*\}|(-?\d{1,3}))/g,
      (_, base: string, braced?: string, bare?: string) =>
        `${base}${plainToSuperscript(braced ?? bare ?? "")}`,
    );
  // Only what reads as TeX (a command or a caret inside the dollars): "$10 and $20" stays money.
  return powers(
    text.replace(/\$([^$\n]{0,80}[\\^][^$\n]{0,80})\$/g, (_, math: string) =>
      math
        .replace(/\\([a-z]+)\s*/g, (whole, name: string) =>
          MATH_SIGNS[name] ? `${MATH_SIGNS[name]} ` : whole,
        )
        .replace(/\s+/g, " ")
        .trim(),
    ),
  );
}
