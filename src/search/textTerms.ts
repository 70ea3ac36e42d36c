import { stemmer } from "stemmer";
import { superscriptToPlain } from "../domain/superscript.js";
import { foldChineseVariants } from "./chineseVariants.js";

/**
 * How text becomes search terms, the same way for documents and queries.
 *
 * Text is cut at every change of script, so that no script hides inside another's token (before this,
 * `AI企业` or `2025年5月` became one "word" and its Chinese was never indexed):
 * - Han, kana and Hangul runs become overlapping character bigrams (a lone character is a term of its
 *   own). Word segmenters split words they do not know (Intl.Segmenter cuts 芯片 into 芯|片) and may cut
 *   the same string differently in different contexts; bigrams match any one- or two-character word and
 *   any phrase inside a longer word, whatever a dictionary thinks (see docs/notes/search-at-scale.md). Traditional
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
const SURROGATE = /[\uD800-\uDFFF]/;
const POWER_WRITING = /\^\{|[⁰¹²³⁴⁵⁶⁷⁸⁹]/;
const ONLY_LETTERS = /^[\p{L}\p{M}'’]+$/u;
const ONLY_DIGITS = /^\p{N}+$/u;
const DIGITS_OR_LETTERS = /(\p{N}+)|([\p{L}\p{M}'’]+)/gu;

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
          return `${digit}^${superscriptToPlain(exponent)}`;
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

/** Every token but a CJK run: one term each. */
type PlainToken = Exclude<Token, { kind: "cjk" }>;

/** The tokens of a run of letters and digits without CJK: a word, a number, or a compound and its parts. */
function runTokens(run: string): readonly PlainToken[] {
  if (ONLY_LETTERS.test(run)) return [{ kind: "word", text: run, stem: stemWord(run) }];
  if (ONLY_DIGITS.test(run)) return [{ kind: "number", text: run }];
  const tokens: PlainToken[] = [{ kind: "compound", text: run }];
  for (const piece of run.matchAll(DIGITS_OR_LETTERS))
    if (piece[1]) tokens.push({ kind: "number", text: piece[1], part: true });
    else if (piece[2]) tokens.push({ kind: "word", text: piece[2], stem: stemWord(piece[2]), part: true });
  return tokens;
}

/**
 * Runs seen before and their tokens. Words repeat (a corpus of a million events has far fewer distinct
 * words than words), and stemming was a third of indexing time; the cache is emptied when it grows
 * past its bound, so memory stays flat whatever the text. Its tokens are shared: never modified.
 */
interface CachedRun {
  readonly tokens: readonly PlainToken[];
  /** The last word sink told of this run's words (IndexTermScanner tells a sink once, not every time). */
  toldTo: IndexTermSink["word"] | null;
}
const runCache = new Map<string, CachedRun>();
const RUN_CACHE_LIMIT = 200_000;

function cachedRun(run: string): CachedRun {
  let cached = runCache.get(run);
  if (cached === undefined) {
    cached = { tokens: runTokens(run), toldTo: null };
    if (runCache.size >= RUN_CACHE_LIMIT) runCache.clear();
    runCache.set(run, cached);
  }
  return cached;
}

function pushRun(tokens: Token[], run: string): void {
  for (const token of cachedRun(run).tokens) tokens.push(token);
}

/**
 * Splits text into CJK runs, words, numbers, compounds and powers, in order. Text of the Basic
 * Multilingual Plane (all but rare characters) is scanned code unit by code unit against a table of
 * character classes (three times quicker than the patterns, which index a million events); text with
 * characters beyond it takes the patterns. Both give the same tokens (a property test holds them to it).
 */
export function tokenize(text: string): Token[] {
  return tokenizeNormal(normalizeText(text));
}

function tokenizeNormal(normal: string): Token[] {
  return SURROGATE.test(normal) ? tokenizeNormalByPattern(normal) : scanNormal(normal);
}

/** tokenize() by regular expressions alone: the reference the table-driven scan must agree with. */
export function tokenizeByPattern(text: string): Token[] {
  return tokenizeNormalByPattern(normalizeText(text));
}

function tokenizeNormalByPattern(normal: string): Token[] {
  const tokens: Token[] = [];
  for (const [run] of normal.matchAll(RUN)) {
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

// Classes of the BMP's code units, as bits, taken from the same patterns as above.
const LETTER_OR_MARK = 1; // \p{L} or \p{M}: in a run, and after an apostrophe
const DIGIT = 2; // \p{N}
const HAN = 4; // the scripts a run is cut apart by
const KANA = 8;
const HANGUL = 16;
const LETTER = 32; // \p{L} alone: what a phrase key keeps, with the digits
const IN_RUN = LETTER_OR_MARK | DIGIT;
const IN_PHRASE = LETTER | DIGIT;
const SCRIPTS = HAN | KANA | HANGUL;

const CLASSES = (() => {
  const table = new Uint8Array(0x10000);
  const han = /[\p{Script=Han}\u3005\u3007]/u;
  const kana = /[\p{Script=Hiragana}\p{Script=Katakana}\u30fc]/u;
  const hangul = /\p{Script=Hangul}/u;
  const letterOrMark = /[\p{L}\p{M}]/u;
  const letter = /\p{L}/u;
  const digit = /\p{N}/u;
  for (let code = 0; code < 0x10000; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const char = String.fromCharCode(code);
    table[code] =
      (letterOrMark.test(char) ? LETTER_OR_MARK : 0) |
      (letter.test(char) ? LETTER : 0) |
      (digit.test(char) ? DIGIT : 0) |
      (han.test(char) ? HAN : kana.test(char) ? KANA : hangul.test(char) ? HANGUL : 0);
  }
  return table;
})();

const CARET = 0x5e;
const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;

/**
 * What the scan finds, in order, without making strings it does not need: tokenize() turns each find
 * into tokens; indexing turns them into terms at once (see IndexTermScanner), with no token objects and
 * no string per CJK bigram.
 */
interface ScanVisitor {
  /** `text[start, end)` is a power of ten, its base ending at `caret`. */
  power(text: string, start: number, caret: number, end: number): void;
  /** A run of letters and digits without CJK. */
  run(run: string): void;
  /** `text[start, end)` is a run of one CJK script. */
  cjk(text: string, start: number, end: number): void;
}

/** The scan's finds as tokens. */
class TokenCollector implements ScanVisitor {
  readonly tokens: Token[] = [];
  power(text: string, start: number, caret: number, end: number): void {
    this.tokens.push(
      { kind: "power", text: text.slice(start, end) },
      { kind: "number", text: text.slice(start, caret), part: true },
      { kind: "number", text: text.slice(caret + 1, end), part: true },
    );
  }
  run(run: string): void {
    pushRun(this.tokens, run);
  }
  cjk(text: string, start: number, end: number): void {
    this.tokens.push({ kind: "cjk", text: text.slice(start, end) });
  }
}

function scanNormal(text: string): Token[] {
  const collector = new TokenCollector();
  scan(text, collector);
  return collector.tokens;
}

/** The patterns' cuts of normalized text without surrogates, made by scanning; each handed to `visitor`. */
function scan(text: string, visitor: ScanVisitor): void {
  const n = text.length;
  const at = (i: number) => CLASSES[text.charCodeAt(i)] as number;
  let i = 0;
  while (i < n) {
    const first = at(i);
    if ((first & IN_RUN) === 0) {
      i++;
      continue;
    }
    if (first & DIGIT) {
      // A power of ten: digits, a caret, digits.
      let j = i + 1;
      while (j < n && at(j) & DIGIT) j++;
      if (j + 1 < n && text.charCodeAt(j) === CARET && at(j + 1) & DIGIT) {
        let k = j + 2;
        while (k < n && at(k) & DIGIT) k++;
        visitor.power(text, i, j, k);
        i = k;
        continue;
      }
    }
    let scripts = first & SCRIPTS;
    // The classes every character of the run has: a script bit here means the run is of one CJK script.
    let every = first;
    let j = i + 1;
    while (j < n) {
      const c = at(j);
      if ((c & IN_RUN) === 0) break;
      scripts |= c & SCRIPTS;
      every &= c;
      j++;
    }
    // One English possessive or contraction: an apostrophe and letters.
    if (j + 1 < n) {
      const quote = text.charCodeAt(j);
      if ((quote === APOSTROPHE || quote === RIGHT_QUOTE) && at(j + 1) & LETTER_OR_MARK) {
        j += 1;
        every = 0;
        while (j < n) {
          const c = at(j);
          if ((c & LETTER_OR_MARK) === 0) break;
          scripts |= c & SCRIPTS;
          j++;
        }
      }
    }
    if (scripts === 0) visitor.run(text.slice(i, j));
    else if (every & SCRIPTS) visitor.cjk(text, i, j);
    else splitScripts(visitor, text, i, j);
    i = j;
  }
}

/** A run with CJK in it, cut where the script changes: Han, kana, Hangul, and anything else between. */
function splitScripts(visitor: ScanVisitor, text: string, start: number, end: number): void {
  let pieceStart = start;
  let pieceScript = (CLASSES[text.charCodeAt(start)] as number) & SCRIPTS;
  for (let i = start + 1; i <= end; i++) {
    const script = i < end ? (CLASSES[text.charCodeAt(i)] as number) & SCRIPTS : -1;
    if (script === pieceScript) continue;
    if (pieceScript === 0) visitor.run(text.slice(pieceStart, i));
    else visitor.cjk(text, pieceStart, i);
    pieceStart = i;
    pieceScript = script;
  }
}

/** The bigrams of a CJK run (or the run itself when it is one character). */
export function hanTerms(run: string): string[] {
  if (!SURROGATE.test(run)) {
    // Every character is one code unit (the common case): pairs are plain two-unit slices.
    if (run.length === 1) return [run];
    const terms: string[] = new Array(run.length - 1);
    for (let i = 0; i + 1 < run.length; i++) terms[i] = run.slice(i, i + 2);
    return terms;
  }
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
 * Where the terms of a document field go: every term in order and as often as it occurs (the posting
 * builder drops repeats within a document); `word` is told each word and compound with the term it is
 * indexed under, at least once (the index keeps them, as a set, for prefix search; a repeat may be left
 * out, so share one `word` function between sinks that feed one set); with `hanPair`, CJK terms of the Basic
 * Multilingual Plane go there instead of to `term`, as the code units of their one or two characters
 * (0 for no second), so that no string is made or hashed per bigram.
 */
export interface IndexTermSink {
  term(term: string): void;
  word?(word: string, stem: string): void;
  hanPair?(first: number, second: number): void;
}

/**
 * Hands the index terms of normalized text to a sink as the scan finds them: no tokens, no arrays.
 * This is the inner loop of indexing a million events; make one per sink and reuse it.
 */
export class IndexTermScanner implements ScanVisitor {
  constructor(private readonly sink: IndexTermSink) {}

  /** The terms of text already normalised (normalizeText). */
  scan(normal: string): void {
    if (SURROGATE.test(normal)) for (const token of tokenizeNormalByPattern(normal)) this.token(token);
    else scan(normal, this);
  }

  power(text: string, start: number, caret: number, end: number): void {
    this.sink.term(text.slice(start, end));
    this.sink.term(text.slice(start, caret));
    this.sink.term(text.slice(caret + 1, end));
  }

  run(run: string): void {
    const cached = cachedRun(run);
    const { sink } = this;
    // The words of a run are told to a sink once while the run is cached: the index keeps them as a set,
    // and asking it again for every occurrence cost more than the rest of the run.
    const word = cached.toldTo === sink.word ? undefined : sink.word;
    for (const token of cached.tokens) this.plain(token, word);
    if (word) cached.toldTo = word;
  }

  /** A CJK run of the BMP (the scan only sees text without surrogates). */
  cjk(text: string, start: number, end: number): void {
    const sink = this.sink;
    if (sink.hanPair) {
      if (end - start === 1) sink.hanPair(text.charCodeAt(start), 0);
      else for (let i = start; i + 1 < end; i++) sink.hanPair(text.charCodeAt(i), text.charCodeAt(i + 1));
    } else if (end - start === 1) sink.term(text.slice(start, end));
    else for (let i = start; i + 1 < end; i++) sink.term(text.slice(i, i + 2));
  }

  private token(token: Token): void {
    if (token.kind !== "cjk") return this.plain(token, this.sink.word);
    const run = token.text;
    if (SURROGATE.test(run)) for (const term of hanTerms(run)) this.sink.term(term);
    else this.cjk(run, 0, run.length);
  }

  /** A token that is not CJK: its term, and its word (to `word`, when given) for a word or compound. */
  private plain(token: PlainToken, word: IndexTermSink["word"]): void {
    if (token.kind === "word") {
      this.sink.term(token.stem);
      word?.(token.text, token.stem);
    } else {
      this.sink.term(token.text);
      if (token.kind === "compound") word?.(token.text, token.text);
    }
  }
}

/** The index terms of a text, as IndexTermScanner gives them: for tests and one-off uses. */
export function forEachIndexTerm(text: string, sink: IndexTermSink): void {
  new IndexTermScanner(sink).scan(normalizeText(text));
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
  return phraseKeyOfNormal(normalizeText(text));
}

/** phraseKey of text already normalised (normalizeText). */
export function phraseKeyOfNormal(normal: string): string {
  if (SURROGATE.test(normal)) return phraseKeyByPattern(normal);
  // Runs of letters and digits copied in slices, by the table of character classes (a title per event:
  // the pattern cost a twentieth of indexing).
  let key = "";
  let start = -1;
  for (let i = 0; i < normal.length; i++) {
    const kept = ((CLASSES[normal.charCodeAt(i)] as number) & IN_PHRASE) !== 0;
    if (kept && start < 0) start = i;
    else if (!kept && start >= 0) {
      key += normal.slice(start, i);
      start = -1;
    }
  }
  return start === 0 ? normal : start > 0 ? key + normal.slice(start) : key;
}

/** phraseKeyOfNormal by a regular expression: for text with surrogates, and the reference of the table. */
export function phraseKeyByPattern(normal: string): string {
  return normal.replace(/[^\p{L}\p{N}]+/gu, "");
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
