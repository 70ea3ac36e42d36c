import { superscriptToPlain } from "./superscript.js";

/**
 * Numbers as people write them in a form or a profile: `3e25`, `3×10^25`, `3 x 10^25`, `3·10²⁵`, `10^26`,
 * `10^{26}`, `1,000,000`, `5 000 000 000`, `1.5E+26`. Compute thresholds are written every one of these
 * ways in laws and papers, and a checker that only took `3e25` would turn a correct answer into an error.
 */

const MANTISSA = String.raw`(\d+(?:\.\d*)?|\.\d+)`;
const PLAIN = new RegExp(String.raw`^${MANTISSA}(?:e([+-]?\d+))?$`, "i");
const POWER = new RegExp(String.raw`^(?:${MANTISSA}[x×*·⋅])?10\^\{?([+-]?\d+)\}?$`, "i");

/**
 * The number a person wrote, or undefined when it is not one. Spaces, thin spaces and thousands
 * separators (`,` between groups of three digits) are dropped; a superscript exponent (`10²⁵`) reads
 * as `10^25`.
 */
export function parseQuantity(text: string): number | undefined {
  let value = text.trim().replace(/[\s\u00a0\u202f\u2009]+/g, "");
  if (!value || value.length > 64) return undefined;
  value = value.replace(/^\+/, "");
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(value)) value = value.replace(/,/g, "");
  value = value.replace(
    /10([⁺⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/,
    (_, exponent: string) => `10^${superscriptToPlain(exponent)}`,
  );
  const plain = PLAIN.exec(value);
  if (plain) return finite(Number(`${plain[1]}e${plain[2] ?? "0"}`));
  const power = POWER.exec(value);
  if (power) return finite(Number(`${power[1] ?? "1"}e${power[2]}`));
  return undefined;
}

function finite(number: number): number | undefined {
  return Number.isFinite(number) ? number : undefined;
}

/**
 * A compute figure as laws write it: `3×10^25`, `10^26`, `1.5×10^26` (a power of ten when it is one, so
 * that "3×10^25 is not above 10^26" reads like the statute); small numbers as digits.
 */
export function formatPower(value: number): string {
  if (value < 1e6) return formatGrouped(value);
  const [mantissa, exponent] = value.toExponential().split("e") as [string, string];
  const power = `10^${Number(exponent)}`;
  return mantissa === "1" ? power : `${Number(mantissa)}×${power}`;
}

/** An amount or a count with thousands separators: `100,000,000`. */
export function formatGrouped(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
}
