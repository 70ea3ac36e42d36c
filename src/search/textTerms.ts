import { stemmer } from "stemmer";
import { foldChineseVariants } from "./chineseVariants.js";

/**
 * How text becomes search terms, the same way for documents and queries.
 *
 * Text is cut at every change of script, so that no script hides inside another's token (before this,
 * `AI企业` or `2025年5月` became one "word" and its Chinese was never indexed):
 * - Han, kana and Hangul runs become overlapping character bigrams (a lone character is a term of its
 *   own). Word segmenters split words they do not know (Intl.Segmenter cuts 芯片 into 芯|片) and may cut
 *   the same string differently in different contexts; bigrams match any one- or two-character word and
 *   any phrase inside a longer word, whatever a dictionary thinks (see shared/notes). Traditional
 *   characters are folded to simplified ones first (歐盟 → 欧盟), in documents and queries alike.
 * - Latin and other alphabetic words are lowercased and reduced by the Porter stemmer, so that FLOP finds
 *   FLOPs and label finds labelling and labeling.
 * - Digits are terms as written; letters and digits written together (`H20`, `4o`, `GPT4`) are one term
 *   and, for documents, also their letter and digit parts (so `GPT-4` finds `GPT-4o`).
 * - A power of ten (`10^25`, `10^{25}`, `10²⁵`) is one term `10^25`, and for documents also its numbers.
 * Full-width forms (`ＡＩ`, `２０２５`) are folded by NFKC.
 */

/** Bump whenever the terms this module makes for a text change: snapshots of older indexes are rebuilt. */
export const TOKENIZER_VERSION = 2;

const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3005\u3007\u30fc`;
const CJK_CHAR = new RegExp(`[${CJK}]`, "u");
// First cut: powers of ten and runs of letters and digits of any script (with an English possessive or
// contraction). Plain `u` classes: V8 matches these fast, where one class subtracting the CJK scripts
// (flag `v`) made indexing seven times slower.
const RUN = /\p{N}+\^\p{N}+|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)?/gu;
const POWER = /^\p{N}+\^\p{N}+$/u;
// Second cut, only for runs with CJK in them: Han, kana and Hangul apart (Japanese `の研究` is the kana の
// and the Han run 研究), and whatever else between them.
const SCRIPT_RUN = new RegExp(
  String.raw`([\p{Script=Han}\u3005\u3007]+)|([\p{Script=Hiragana}\p{Script=Katakana}\u30fc]+)|(\p{Script=Hangul}+)|([^${CJK}]+)`,
  "gu",
);
const POWER_WRITING = /\^\{|[⁰¹²³⁴⁵⁶⁷⁸⁹]/;
const ONLY_LETTERS = /^[\p{L}\p{M}'’]+$/u;
const ONLY_DIGITS = /^\p{N}+$/u;
const DIGITS_OR_LETTERS = /(\p{N}+)|([\p{L}\p{M}'’]+)/gu;
const SUPERSCRIPT_DIGITS: Record<string, string> = {
  "⁰": "0",
  "¹": "1",
  "²": "2",
  "³": "3",
  "⁴": "4",
  "⁵": "5",
  "⁶": "6",
  "⁷": "7",
  "⁸": "8",
  "⁹": "9",
};

/**
 * Lowercases, folds full-width forms (ＡＩ → ai), traditional to simplified Chinese (歐盟 → 欧盟), and
 * writes every power of ten as `10^25` (from `10^{25}` or `10²⁵`, which NFKC alone would make `1025`).
 */
export function normalizeText(text: string): string {
  const powers = !POWER_WRITING.test(text)
    ? text
    : text
        .replace(/(\d)\^\{\s*(\d+)\s*\}/g, "$1^$2")
        .replace(/(\d)([⁰¹²³⁴⁵⁶⁷⁸⁹]+)/g, (_, digit: string, exponent: string) => {
          return `${digit}^${[...exponent].map((c) => SUPERSCRIPT_DIGITS[c]).join("")}`;
        });
  return foldChineseVariants(powers.normalize("NFKC").toLowerCase());
}

/** The stem of one Latin word, the unit English search matches on. */
export function stemWord(word: string): string {
  const plain = word
    .replace(/['’]s$/, "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "");
  return /^[a-z]+$/.test(plain) ? stemmer(plain) : plain;
}

/**
 * A piece of text as the query and the index see it. `part` marks the letter and digit pieces of a
 * compound or a power: documents are indexed under them, queries ask for the whole.
 */
export type Token =
  | { kind: "cjk"; text: string }
  | { kind: "word"; text: string; stem: string; part?: true }
  | { kind: "number"; text: string; part?: true }
  | { kind: "compound"; text: string }
  | { kind: "power"; text: string };

function pushRun(tokens: Token[], run: string): void {
  if (ONLY_LETTERS.test(run)) tokens.push({ kind: "word", text: run, stem: stemWord(run) });
  else if (ONLY_DIGITS.test(run)) tokens.push({ kind: "number", text: run });
  else {
    tokens.push({ kind: "compound", text: run });
    for (const piece of run.matchAll(DIGITS_OR_LETTERS))
      if (piece[1]) tokens.push({ kind: "number", text: piece[1], part: true });
      else if (piece[2]) tokens.push({ kind: "word", text: piece[2], stem: stemWord(piece[2]), part: true });
  }
}

/** Splits text into CJK runs, words, numbers, compounds and powers, in order. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const [run] of normalizeText(text).matchAll(RUN)) {
    if (POWER.test(run)) {
      tokens.push({ kind: "power", text: run });
      for (const number of run.split("^")) tokens.push({ kind: "number", text: number, part: true });
    } else if (!CJK_CHAR.test(run)) pushRun(tokens, run);
    else
      for (const [, han, kana, hangul, other] of run.matchAll(SCRIPT_RUN)) {
        const cjk = han ?? kana ?? hangul;
        if (cjk) tokens.push({ kind: "cjk", text: cjk });
        else if (other) pushRun(tokens, other);
      }
  }
  return tokens;
}

/** The bigrams of a CJK run (or the run itself when it is one character). */
export function hanTerms(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  const terms: string[] = new Array(chars.length - 1);
  for (let i = 0; i + 1 < chars.length; i++) terms[i] = (chars[i] as string) + (chars[i + 1] as string);
  return terms;
}

/** The index terms of one token: bigrams of a CJK run, the stem of a word, other tokens as written. */
export function tokenTerms(token: Token): string[] {
  if (token.kind === "cjk") return hanTerms(token.text);
  return [token.kind === "word" ? token.stem : token.text];
}

/** Whether a token is a word that a query may extend to the words it begins (`regulat` → regulation). */
export function isPrefixable(token: Token): boolean {
  return (token.kind === "word" || token.kind === "compound") && [...token.text].length >= 3;
}

/**
 * The distinct terms a document field is indexed under; `onWord` sees each word and compound with the
 * term it is indexed under (the index keeps them for prefix search).
 */
export function indexTerms(text: string, onWord?: (word: string, stem: string) => void): Set<string> {
  const terms = new Set<string>();
  for (const token of tokenize(text)) {
    if (token.kind === "cjk") for (const term of hanTerms(token.text)) terms.add(term);
    else {
      const [term] = tokenTerms(token) as [string];
      terms.add(term);
      if (token.kind === "word" || token.kind === "compound") onWord?.(token.text, term);
    }
  }
  return terms;
}

/** Whether a term is a CJK term (a bigram or a lone character of Han, kana or Hangul). */
export function isHanTerm(term: string): boolean {
  return CJK_CHAR.test(term);
}

/**
 * Text reduced to its letters and digits, normalised: "《科技繁荣协议》" and the query "科技繁荣 协议"
 * meet as the same phrase. Only used once every clause already matched the title.
 */
export function phraseKey(text: string): string {
  return normalizeText(text).replace(/[^\p{L}\p{N}]+/gu, "");
}

const foldedChars = new Map<string, string>();

/**
 * The text folded as `normalizeText` folds it (case, full-width forms, traditional characters) but
 * character for character, so that every offset into the result is an offset into `text`: snippets find
 * a query in the folded text and mark the text as written. A character whose folded form has another
 * length is kept as it is.
 */
export function foldInPlace(text: string): string {
  let result = "";
  for (const char of text) {
    let folded = foldedChars.get(char);
    if (folded === undefined) {
      folded = foldChineseVariants(char.normalize("NFKC").toLowerCase());
      if (folded.length !== char.length) folded = char;
      foldedChars.set(char, folded);
    }
    result += folded;
  }
  return result;
}

/** A regular-expression class source matching letters and digits outside the CJK scripts (flag `v`). */
export const NON_CJK_ALNUM = `[[\\p{L}\\p{M}\\p{N}]--[${CJK}]]`;
