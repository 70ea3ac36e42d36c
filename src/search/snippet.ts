import type { Event } from "../domain/event.js";
import type { Language } from "../domain/localizedText.js";
import type { ParsedQuery, QueryClause } from "./queryParser.js";
import { foldInPlace, NON_CJK_ALNUM } from "./textTerms.js";
import { otherLanguage } from "../domain/languageForms.js";

/** A short passage of an event around what matched, with the matched ranges (offsets into `text`). */
export interface Snippet {
  field: "title" | "summary" | "sources";
  text: string;
  marks: [number, number][];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const RADIUS = 60;
const ALNUM = NON_CJK_ALNUM;

/** How a clause is found again in folded text (see `foldInPlace`), by the kind of token it came from. */
function clausePattern(clause: QueryClause): string {
  const text = escapeRegExp(clause.text);
  switch (clause.kind) {
    case "cjk":
      return text;
    case "number":
      return `(?<!\\p{N})${text}(?!\\p{N})`;
    case "power": {
      const [base, exponent] = clause.text.split("^") as [string, string];
      // 10^25, 10^{25}, and 10²⁵ (folded to 1025).
      return `(?<!\\p{N})${base}(?:\\^\\{?${exponent}\\}?|${exponent})(?!\\p{N})`;
    }
    case "compound": {
      // As typed, and as its pieces written apart (`SB53` marks `SB 53`, `GB45438` marks `GB 45438`).
      const apart = clause.pieces
        ? `|(?<!${ALNUM})${
            clause.text
              .match(/\p{L}+|\p{N}+/gu)
              ?.map(escapeRegExp)
              .join("[\\s.\\-]*") ?? text
          }(?!\\p{N})`
        : "";
      return `(?<!${ALNUM})${text}${ALNUM}*${apart}`;
    }
    case "word":
      // The word as typed, less a possible inflection, then the rest of the word: `label` → labelling.
      return `(?<!${ALNUM})${escapeRegExp(clause.text.slice(0, Math.max(3, clause.text.length - 2)))}${ALNUM}*`;
  }
}

function patternFor(query: ParsedQuery): RegExp | null {
  const parts = query.clauses.map(clausePattern);
  return parts.length ? new RegExp(parts.join("|"), "gv") : null;
}

const URL_IN_TEXT = /\b(?:https?:\/\/|www\.)\S+/g;

/**
 * Picks the passage that shows why an event matched: the summary in the preferred language first, then
 * the title, then the sources; a window around the first match, with every match inside it marked.
 */
export function makeSnippet(event: Event, query: ParsedQuery, lang: Language): Snippet | null {
  const pattern = patternFor(query);
  if (!pattern) return null;
  const other = otherLanguage(lang);
  const candidates: [Snippet["field"], string | undefined][] = [
    ["summary", event.summary[lang]],
    ["summary", event.summary[other]],
    ["title", event.title[lang]],
    ["title", event.title[other]],
    // A source's words, not its address: a URL that happens to hold a query's letters is no passage.
    ["sources", event.sources.map((s) => (s.text ?? "").replace(URL_IN_TEXT, " ")).join(" ")],
  ];
  for (const [field, raw] of candidates) {
    if (!raw) continue;
    // A snippet is plain text: Markdown emphasis kept in summaries as printed ("**三类枢纽**") is dropped.
    const text = raw.replace(/\*\*([^*\n]+)\*\*/g, "$1").replace(/(?<![\w*])\*([^*\n]+)\*(?![\w*])/g, "$1");
    // Offsets refer to the text as stored, which is what a client shows.
    const normalized = foldInPlace(text);
    const first = [...normalized.matchAll(pattern)][0];
    if (!first) continue;
    const start = Math.max(0, first.index - RADIUS);
    const end = Math.min(normalized.length, first.index + first[0].length + RADIUS);
    const prefix = start > 0 ? "…" : "";
    // Whitespace folds to one space in the passage and in the text searched, so the offsets agree.
    const body = text.slice(start, end).replace(/\s+/g, " ");
    const window = `${prefix}${body}${end < normalized.length ? "…" : ""}`;
    const marks: [number, number][] = [];
    for (const match of normalized.slice(start, end).replace(/\s+/g, " ").matchAll(pattern))
      marks.push([prefix.length + match.index, prefix.length + match.index + match[0].length]);
    return { field, text: window, marks };
  }
  return null;
}

/** A snippet cut into plain and marked runs, in order, for whatever renders it (HTML, a terminal). */
export function snippetSegments(snippet: Snippet): { text: string; marked: boolean }[] {
  const segments: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const [start, end] of snippet.marks) {
    if (start > at) segments.push({ text: snippet.text.slice(at, start), marked: false });
    segments.push({ text: snippet.text.slice(start, end), marked: true });
    at = end;
  }
  if (at < snippet.text.length) segments.push({ text: snippet.text.slice(at), marked: false });
  return segments;
}
