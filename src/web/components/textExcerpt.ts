// Pure text helpers shared by the server pages and the browser script.
import { readableMath } from "../../domain/superscript.js";

/** Plain text of a summary as printed: Markdown emphasis ("**三类枢纽**") dropped. */
export function plainText(text: string): string {
  return text.replace(/\*\*([^*\n]+)\*\*/g, "$1").replace(/(?<![\w*])\*([^*\n]+)\*(?![\w*])/g, "$1");
}

/** The first lines of a text: its first sentence or two, cut near `limit` characters. */
export function firstLines(text: string, limit = 180): string {
  const plain = readableMath(plainText(text)).replace(/\s+/g, " ").trim();
  // Characters, not UTF-16 units: a character beyond the Basic Multilingual Plane is never cut in two.
  const chars = Array.from(plain);
  if (chars.length <= limit) return plain;
  const cut = chars.slice(0, limit).join("");
  const stop = Math.max(cut.lastIndexOf("。"), cut.lastIndexOf(". "), cut.lastIndexOf("；"));
  if (stop > limit / 2) return cut.slice(0, stop + 1);
  // Inside a Latin word, back to the space before it (Chinese may be cut between any two characters).
  const midWord = LATIN_LETTER.test(chars[limit - 1] ?? "") && LATIN_LETTER.test(chars[limit] ?? "");
  const space = cut.lastIndexOf(" ");
  const end = midWord && space > limit / 2 ? cut.slice(0, space) : cut;
  return `${end.replace(/[\s,;:，、；：]+$/u, "")}…`;
}

const LATIN_LETTER = /^[\p{Script=Latin}\p{N}'’-]$/u;
