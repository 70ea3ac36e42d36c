import { stemmer } from "stemmer";

/**
 * How text becomes search terms, the same way for documents and queries.
 *
 * Chinese: every pair of adjacent Han characters is a term (a lone character is a term of its own).
 * Word segmenters split words they do not know (Intl.Segmenter cuts 芯片 into 芯|片) and may cut the
 * same string differently in different contexts; overlapping bigrams match any one- or two-character
 * word and any longer phrase inside a word, whatever a dictionary thinks (see shared/notes).
 * English and other Latin text: lowercase words reduced by the Porter stemmer, so that FLOP finds FLOPs
 * and label finds labelling and labeling; numbers stay as written.
 */

const HAN = /\p{Script=Han}/u;
// A run of Han characters, or a run of letters/digits (Latin and others), in NFKC-normalised lowercase text.
const TOKEN = /(\p{Script=Han}+)|([\p{L}\p{N}]+(?:['’][\p{L}]+)?)/gu;

/** Lowercases, folds full-width forms (ＡＩ → ai) and strips accents, keeping Han characters. */
export function normalizeText(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

/** The stem of one Latin word, the unit English search matches on. */
export function stemWord(word: string): string {
  const plain = word
    .replace(/['’]s$/, "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "");
  return /^[a-z]+$/.test(plain) ? stemmer(plain) : plain;
}

/** A piece of text as the query and the index see it. */
export type Token =
  { kind: "han"; text: string; at: number } | { kind: "word"; text: string; stem: string; at: number };

/** Splits text into Han runs and words, with their offsets in the normalised text. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of normalizeText(text).matchAll(TOKEN)) {
    if (match[1]) tokens.push({ kind: "han", text: match[1], at: match.index });
    else if (match[2])
      tokens.push({ kind: "word", text: match[2], stem: stemWord(match[2]), at: match.index });
  }
  return tokens;
}

/** The bigrams of a Han run (or the run itself when it is one character). */
export function hanTerms(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  const terms: string[] = new Array(chars.length - 1);
  for (let i = 0; i + 1 < chars.length; i++) terms[i] = (chars[i] as string) + (chars[i + 1] as string);
  return terms;
}

/**
 * The distinct terms a document field is indexed under; `onWord` sees each Latin word with its stem
 * (the index keeps them for prefix search).
 */
export function indexTerms(text: string, onWord?: (word: string, stem: string) => void): Set<string> {
  const terms = new Set<string>();
  for (const token of tokenize(text)) {
    if (token.kind === "han") for (const term of hanTerms(token.text)) terms.add(term);
    else {
      terms.add(token.stem);
      onWord?.(token.text, token.stem);
    }
  }
  return terms;
}

/** Whether a term is a Han term (a bigram or a lone character). */
export function isHanTerm(term: string): boolean {
  return HAN.test(term);
}

/**
 * Text reduced to its letters and digits, lowercased: "《科技繁荣协议》" and the query "科技繁荣 协议"
 * meet as the same phrase. Only used once every clause already matched the title.
 */
export function phraseKey(text: string): string {
  return normalizeText(text).replace(/[^\p{L}\p{N}]+/gu, "");
}
