import { matchDateLine } from "./dateLine.js";
import { isUrlOnlyLine, matchDefinitionLine } from "./footnotes.js";
import {
  endsSentence,
  isBullet,
  isCaption,
  isChronicleHeading,
  isTocHeading,
  matchMonthHeader,
  matchNumberedLine,
  matchPartHeading,
  startsCorrection,
  startsSummary,
} from "./lineKinds.js";

// How the Markdown report writes an event's text so that none of it opens a structure this reader knows
// (a month header, a numbered event, a date line, a footnote, a correction) or Markdown renders (a
// heading, a quote, raw HTML), and how the reader undoes it. The escapes are CommonMark's own
// (https://spec.commonmark.org/0.31.2/#backslash-escapes, #entity-and-numeric-character-references), so
// that a Markdown viewer shows the same text the reader reads back.

// NUL and the other C0 controls but tab and newline, DEL and the C1 controls: a NUL made a report
// unreadable, and a carriage return breaks a line where the text has none.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// Characters that mean something inline: emphasis, code, links, footnote marks ("[^3]", "^{3}"), HTML,
// entities, and the backslash itself.
const INLINE = /[\\`*_[\]<>&^{}~|]/g;
// Superscript digits are footnote marks to this reader ("¹"): written as character references.
const SUPERSCRIPTS = /[⁰¹²³⁴⁵⁶⁷⁸⁹]/g;
// Markdown block starts that the inline escapes leave: list items, setext underlines, tables.
const MARKDOWN_START = /^\s*(?:[-+=|~:]|\d+[.)])/;
const CHRONICLE_WORDS = /大事记|大事年表|chronicle|timeline of/gi;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

const reference = (char: string) => `&#${char.codePointAt(0)};`;

// A surrogate without its pair, which UTF-8 cannot encode: the file would hold U+FFFD in its place.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * An event's text without the control characters a report cannot carry (tab and newline stay), a lone
 * surrogate as the U+FFFD that writing the report to a file makes of it.
 */
export function cleanChronicleText(text: string): string {
  return text.replace(CONTROLS, "").replace(LONE_SURROGATE, "\ufffd");
}

/**
 * A summary (or one of its paragraphs) as the report prints it: control characters removed, line ends
 * trimmed, and a line of white space only taken for what it is to the reader, a paragraph break.
 */
export function chronicleParagraphs(text: string): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) paragraphs.push(current.join("\n").trimStart());
    current = [];
  };
  for (const line of cleanChronicleText(text).split("\n")) {
    const trimmed = line.trimEnd();
    if (trimmed.trim() === "") flush();
    else current.push(trimmed);
  }
  flush();
  return paragraphs;
}

/** A title as the report prints it on its one line: control characters removed, white space collapsed. */
export function chronicleTitle(text: string): string {
  return cleanChronicleText(text).replace(/\s+/g, " ").trim();
}

// What a line the reader skips whole (a correction) still needs: no HTML, entity, link, emphasis or code.
const RENDERED = /[\\`*_[\]<&]/g;

/** Text the reader skips (a correction after a summary) escaped for Markdown viewers: no HTML, no links. */
export function escapeMarkdownText(text: string): string {
  return chronicleTitle(text).replace(RENDERED, "\\$&");
}

/** Text escaped inline: backslashes before Markdown's punctuation, superscript digits as references. */
export function escapeChronicleInline(text: string): string {
  return text.replace(INLINE, "\\$&").replace(SUPERSCRIPTS, reference);
}

function opensStructure(line: string): boolean {
  return (
    MARKDOWN_START.test(line) ||
    matchMonthHeader(line) !== null ||
    matchNumberedLine(line) !== null ||
    matchPartHeading(line) !== null ||
    matchDateLine(line) !== null ||
    matchDefinitionLine(line) !== null ||
    startsSummary(line) ||
    startsCorrection(line) ||
    isChronicleHeading(line) ||
    isTocHeading(line) ||
    isCaption(line) ||
    isBullet(line) ||
    isUrlOnlyLine(line)
  );
}

/** The line with its first character escaped: a backslash before punctuation, else a reference. */
function escapeFirst(line: string): string {
  const at = line.search(/\S/);
  if (at === -1 || line.startsWith("\\", at) || line.startsWith("&#", at)) return line;
  const char = String.fromCodePoint(line.codePointAt(at) as number);
  const escaped = ASCII_PUNCTUATION.test(char) ? `\\${char}` : reference(char);
  return line.slice(0, at) + escaped + line.slice(at + char.length);
}

/**
 * One line of an event's text as printed (already escaped inline): if the reader or Markdown would take
 * it for a structure, its first character is escaped; the words that mark the chronicle's heading are
 * broken by a reference wherever they stand. `prefix` is what the line is printed after ("摘要："), which
 * opens the summary on purpose; `separate` escapes the first character anyway, so that the reader does
 * not join the line to the paragraph before it, which stops mid-sentence.
 */
function escapeLine(line: string, prefix: string, separate: boolean): string {
  let out = line;
  if (!prefix && (separate || opensStructure(out))) out = escapeFirst(out);
  if (isChronicleHeading(prefix + out))
    out = out.replace(CHRONICLE_WORDS, (word) => reference(word[0] as string) + word.slice(1));
  return out;
}

/**
 * An event's summary as the report prints it: paragraphs of escaped lines, the first after `prefix`.
 * The reader (parseChronicle, with unescapeChronicle) reads it back as chronicleParagraphs(summary).
 */
export function escapeChronicleParagraphs(paragraphs: readonly string[], prefix: string): string[] {
  const printed: string[] = [];
  for (const [p, paragraph] of paragraphs.entries()) {
    const lines = escapeChronicleInline(paragraph).split("\n");
    const previous = printed[p - 1]?.split("\n").at(-1);
    const separate = previous !== undefined && !endsSentence(previous);
    printed.push(
      lines
        .map((line, i) => escapeLine(line, p === 0 && i === 0 ? prefix : "", i === 0 && separate))
        .join("\n"),
    );
  }
  return printed;
}

/** A footnote's text on its one line: white space collapsed, escaped inline except its <https://…> links. */
export function escapeChronicleNote(text: string): string {
  return cleanChronicleText(text)
    .replace(/\s+/g, " ")
    .trim()
    .split(/(<https?:\/\/[^\s<>]*>)/)
    .map((part, i) => (i % 2 === 1 ? part : escapeChronicleInline(part)))
    .join("");
}

/** Whether a line begins with an escape, which the writer puts there so that it opens no structure. */
export function startsEscaped(text: string): boolean {
  return /^\s*(?:\\|&#)/.test(text);
}

/**
 * Undoes the escapes: a backslash before ASCII punctuation stands for that character, and a decimal or
 * hexadecimal character reference for its character (CommonMark's rules, so a report a person edits
 * reads as a viewer shows it). Anything else, a lone backslash or "&amp;", stays as written.
 */
export function unescapeChronicle(text: string): string {
  return text.replace(
    /\\([!-/:-@[-`{-~])|&#(?:(\d{1,7})|[xX]([0-9a-fA-F]{1,6}));/g,
    (whole, char, dec, hex) => {
      if (char !== undefined) return char as string;
      const code = dec !== undefined ? Number(dec) : Number.parseInt(hex as string, 16);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
        ? String.fromCodePoint(code)
        : whole;
    },
  );
}
