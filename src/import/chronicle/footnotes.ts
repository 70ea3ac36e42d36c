import type { Source } from "../../domain/event.js";
import { charsOf, trimTrailing } from "./trimTrailing.js";

const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
const SUPERSCRIPT_RUN = `[${SUPERSCRIPT_DIGITS}]+`;

/** Reads a run of Unicode superscript digits ("⁵³") as a number. */
export function superscriptToNumber(run: string): number {
  let value = 0;
  for (const char of run) value = value * 10 + SUPERSCRIPT_DIGITS.indexOf(char);
  return value;
}

/** Writes a number as Unicode superscript digits, the way PDF extraction prints footnote marks. */
export function numberToSuperscript(value: number): string {
  return [...String(value)].map((digit) => SUPERSCRIPT_DIGITS[Number(digit)]).join("");
}

/** A footnote definition as printed at a page end: "¹ The White House. <https://…>." */
export interface FootnoteDefinition {
  note: number;
  /** 1-based line of the definition's first line. */
  line: number;
  source: Source;
}

// "¹ The White House. <…>" (a space after the mark, so that a page that begins with a stray
// reference mark such as "⁵，这是…" is not read as a definition), or Markdown "[^1]: …".
const DEFINITION_LINE = new RegExp(`^\\s*(${SUPERSCRIPT_RUN})(?:\\s+(.*)|(<?https?://.*))$`);
const MARKDOWN_DEFINITION_LINE = /^\s*\[\^(\d+)\]:\s*(.*)$/;
const URL_ONLY_LINE = /^\s*<?https?:\/\/\S+>?[.。]?\s*$/;

/** Recognises the first line of a footnote definition and returns its number and printed text. */
export function matchDefinitionLine(text: string): { note: number; body: string } | null {
  const markdown = MARKDOWN_DEFINITION_LINE.exec(text);
  if (markdown) return { note: Number(markdown[1]), body: markdown[2] ?? "" };
  const printed = DEFINITION_LINE.exec(text);
  if (!printed?.[1]) return null;
  return { note: superscriptToNumber(printed[1]), body: (printed[2] ?? printed[3] ?? "").trim() };
}

/** Whether a line holds nothing but a URL (the second line of a note whose publisher came first). */
export function isUrlOnlyLine(text: string): boolean {
  return URL_ONLY_LINE.test(text);
}

/**
 * Splits a note as printed into publisher, URL and folded text. The URL is taken as printed, without
 * the surrounding <> and the sentence's final "."; the publisher is what stands before it.
 */
export function parseNoteText(printed: string, note: number | null): Source {
  const text = printed.replace(/\s+/g, " ").trim();
  const bracketed = /<(https?:\/\/[^\s<>]+)>/.exec(text);
  const bare = bracketed ? null : /https?:\/\/\S+/.exec(text);
  const match = bracketed ?? bare;
  let url: string | null = null;
  let publisher: string | null = text;
  if (match) {
    url = trimTrailing((bracketed ? match[1] : match[0]) ?? "", charsOf(".。,，;；>")) || null;
    publisher = text.slice(0, match.index);
  }
  publisher = trimTrailing(publisher, charsOf(" .。．:：,，;；")).trim() || null;
  return { note, url, publisher, text: text || null };
}

/** A footnote reference found in running text: its note number and where it stood in the clean text. */
export interface FootnoteRef {
  note: number;
  offset: number;
}

const REF_PATTERN = new RegExp(
  [
    `(${SUPERSCRIPT_RUN}(?:[,，]${SUPERSCRIPT_RUN})*)`, // ¹²  or ⁵³,⁵⁴
    "\\^\\{(\\d+(?:\\s*[,，]\\s*\\d+)*)\\}", // ^{53,54}
    "\\[\\^(\\d+)\\]", // Markdown [^53]
  ].join("|"),
  "g",
);

/**
 * Removes footnote reference marks from running text and returns them in order. An exponent is not a
 * reference: `10^{23}` and `10²³` follow a standalone number, and `$\geq 10^{26}$` stands in TeX math.
 * `isDefined` settles runs such as "¹²" (note 12, or notes 1 and 2) by the notes the document defines.
 */
export function extractFootnoteRefs(
  text: string,
  isDefined: (note: number) => boolean = () => true,
): { text: string; refs: FootnoteRef[] } {
  const mathSpans = [...text.matchAll(/\$[^$\n]+\$/g)].map((m) => [m.index, m.index + m[0].length]);
  // References come in order, so one pointer walks the spans (a search per reference was quadratic).
  let span = 0;
  const inMath = (at: number) => {
    while (span < mathSpans.length && ((mathSpans[span] as number[])[1] ?? 0) <= at) span++;
    const current = mathSpans[span];
    return current !== undefined && at >= (current[0] ?? 0);
  };
  const refs: FootnoteRef[] = [];
  let clean = "";
  let last = 0;
  for (const match of text.matchAll(REF_PATTERN)) {
    const at = match.index;
    const isMarkdown = match[3] !== undefined;
    if (!isMarkdown && (inMath(at) || isExponent(text, at, match[1], isDefined))) continue;
    clean += text.slice(last, at);
    last = at + match[0].length;
    const notes =
      match[1] !== undefined
        ? match[1].split(/[,，]/).flatMap((run) => splitSuperscriptRun(run, isDefined))
        : (match[2] ?? match[3] ?? "").split(/[,，]/).map((n) => Number(n.trim()));
    for (const note of notes) refs.push({ note, offset: clean.length });
  }
  clean += text.slice(last);
  return { text: clean, refs };
}

/**
 * Whether a mark after a number is an exponent: `10^{23}` always (the braces are TeX), `10²⁵` always;
 * after any other number ("in 2026²") a superscript is a note when the document defines that note.
 */
function isExponent(
  text: string,
  at: number,
  superscript: string | undefined,
  isDefined: (note: number) => boolean,
): boolean {
  // The number right before the mark, read backwards (a regex over all the text before it was quadratic).
  let start = at;
  while (start > 0 && /\d/.test(text[start - 1] as string)) start--;
  if (start === at || (start > 0 && /[\p{L}\d.]/u.test(text[start - 1] as string))) return false;
  const base = text.slice(start, at);
  if (superscript === undefined || base === "10") return true;
  return !isDefined(superscriptToNumber(superscript));
}

function splitSuperscriptRun(run: string, isDefined: (note: number) => boolean): number[] {
  const whole = superscriptToNumber(run);
  if (isDefined(whole) || run.length === 1) return [whole];
  const digits = [...run].map((char) => superscriptToNumber(char));
  return digits.every((digit) => digit > 0 && isDefined(digit)) ? digits : [whole];
}
