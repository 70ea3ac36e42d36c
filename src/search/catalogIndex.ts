import { flopThresholds, powerOfTen } from "../domain/conditionThresholds.js";
import type { Instrument } from "../domain/instrument.js";
import type { Obligation } from "../domain/obligation.js";
import { type ParsedQuery, type QueryClause, undot } from "./queryParser.js";
import { normalizeText, tokenize, tokenTerms } from "./textTerms.js";

/** What the catalog holds besides events: the instruments and the duties the checker reads. */
export type CatalogKind = "instrument" | "duty";
export const CATALOG_KINDS: readonly CatalogKind[] = ["instrument", "duty"];

/** One instrument or duty as search sees it. */
export interface CatalogEntry {
  kind: CatalogKind;
  id: string;
  /** The instrument itself, or the duty's. */
  instrument: string;
  jurisdiction: string;
  /** As the data has it (a duty's title may be in one language only). */
  title: { zh?: string; en?: string };
  /** A duty's article as its citation gives it (`Art. 53(1)(a)`); null for an instrument. */
  article: string | null;
}

/** How well an entry matched: 0 is best (see CatalogIndex.search). */
export interface CatalogHit {
  entry: CatalogEntry;
  rank: number;
}

interface Indexed {
  entry: CatalogEntry;
  /** Normalised title text, for the phrase check. */
  titleText: string;
  title: Set<string>;
  body: Set<string>;
  /** Latin words of title and body with their terms, for a clause that only begins a word. */
  words: [word: string, term: string][];
}

function termsOf(text: string, words: [string, string][]): Set<string> {
  const terms = new Set<string>();
  for (const token of tokenize(undot(text))) {
    for (const term of tokenTerms(token)) terms.add(term);
    if (token.kind === "word" || token.kind === "compound")
      words.push([token.text, tokenTerms(token)[0] as string]);
  }
  return terms;
}

/**
 * Instruments and duties, searchable by title (every language), identifier (CELEX, ELI, OJ reference,
 * bill, act and standard numbers, however written: see QueryClause.writings) and text. A few hundred
 * entries: each search reads them all, with the same terms and clauses as the event index, so a query
 * means the same thing for both.
 */
export class CatalogIndex {
  private readonly indexed: Indexed[];

  constructor(instruments: Instrument[], obligations: Obligation[]) {
    const byId = new Map(instruments.map((instrument) => [instrument.id, instrument]));
    const identifiers = (instrument: Instrument | undefined) =>
      (instrument?.identifiers ?? []).map((identifier) => identifier.value).join(" ");
    const entries: { entry: CatalogEntry; title: string; body: string }[] = [
      ...instruments.map((instrument) => ({
        entry: {
          kind: "instrument" as const,
          id: instrument.id,
          instrument: instrument.id,
          jurisdiction: instrument.jurisdiction,
          title: { zh: instrument.title.zh, en: instrument.title.en },
          article: null,
        },
        title: `${instrument.title.zh} ${instrument.title.en} ${instrument.title.original} ${identifiers(instrument)}`,
        body: "",
      })),
      ...obligations.map((duty) => {
        const instrument = byId.get(duty.instrument);
        return {
          entry: {
            kind: "duty" as const,
            id: duty.id,
            instrument: duty.instrument,
            jurisdiction: duty.jurisdiction,
            title: { zh: duty.title.zh, en: duty.title.en },
            article: duty.citation.article,
          },
          // The thresholds it applies from (`10^25`) are as much its name as its title.
          title: `${duty.title.zh ?? ""} ${duty.title.en ?? ""} ${thresholdsOf(duty.conditions).join(" ")}`,
          // A duty is found by its article, its summary, its conditions' reasons, and its instrument's
          // names and numbers.
          body: [
            duty.summary.zh ?? "",
            duty.summary.en ?? "",
            duty.citation.article,
            reasonsOf([...duty.conditions, ...duty.penaltyConditions]).join(" "),
            instrument ? `${instrument.title.zh} ${instrument.title.en} ${identifiers(instrument)}` : "",
          ].join(" "),
        };
      }),
    ];
    this.indexed = entries.map(({ entry, title, body }) => {
      const words: [string, string][] = [];
      return {
        entry,
        titleText: normalizeText(undot(title)),
        title: termsOf(title, words),
        body: termsOf(body, words),
        words,
      };
    });
  }

  /**
   * Every entry matching each clause of the query, best first: 0, the query as a phrase in its title,
   * every word as typed; 1, every clause in the title as typed; 2, every clause in the title; 3, every
   * clause as typed; 4, the rest (some clause only as the beginning of a word). Instruments before duties
   * of the same rank, then in the order of the data.
   */
  search(query: ParsedQuery, kinds: readonly CatalogKind[] = CATALOG_KINDS): CatalogHit[] {
    if (query.clauses.length === 0) return [];
    const hits: CatalogHit[] = [];
    for (const item of this.indexed) {
      if (!kinds.includes(item.entry.kind)) continue;
      const rank = rankOf(item, query);
      if (rank !== null) hits.push({ entry: item.entry, rank });
    }
    const order = (hit: CatalogHit) => hit.rank * 2 + (hit.entry.kind === "instrument" ? 0 : 1);
    return hits
      .map((hit, i) => ({ hit, i }))
      .sort((a, b) => order(a.hit) - order(b.hit) || a.i - b.i)
      .map(({ hit }) => hit);
  }
}

/** Every object in a tree of conditions (tests, groups, reasons), depth first. */
function* nodesOf(node: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(node)) for (const item of node) yield* nodesOf(item);
  else if (node && typeof node === "object") {
    yield node as Record<string, unknown>;
    for (const value of Object.values(node)) if (value && typeof value === "object") yield* nodesOf(value);
  }
}

/** The compute thresholds a duty's conditions test that are powers of ten, as `10^25` (`trainingFlop > 1e25`). */
function thresholdsOf(conditions: unknown): string[] {
  return flopThresholds(conditions).flatMap((value) => {
    const exponent = powerOfTen(value);
    return exponent === null ? [] : [`10^${exponent}`];
  });
}

/** What the conditions say of themselves, in both languages: why each does or does not apply. */
function reasonsOf(conditions: unknown): string[] {
  const reasons: string[] = [];
  for (const node of nodesOf(conditions))
    if (node.reason && typeof node.reason === "object")
      reasons.push(...Object.values(node.reason as Record<string, string>));
  return reasons;
}

/** Whether a set holds one of the clause's writings, or a bigram of its lone character. */
function holds(terms: Set<string>, clause: QueryClause): boolean {
  // A number's pieces count here: the catalog's few hundred entries are titles and identifiers, where
  // `SB 53` standing apart is the bill (an event's text may hold `SB 1047 … AB 53`; see SearchIndex).
  for (const writing of [clause.terms, ...clause.writings, ...(clause.pieces ? [clause.pieces] : [])])
    if (writing.length && writing.every((term) => terms.has(term))) return true;
  if (clause.singleHan)
    for (const term of terms) if (term.length === 2 && term.includes(clause.singleHan)) return true;
  return false;
}

/** Whether a word of the entry begins with the clause's prefix (`regulat` → regulation). */
function begins(item: Indexed, clause: QueryClause, field: Set<string>): boolean {
  const prefix = clause.prefix;
  return prefix !== null && item.words.some(([word, term]) => word.startsWith(prefix) && field.has(term));
}

/** The query as a phrase, and with `ai` written out as titles write it (`artificial intelligence act`). */
function phrases(query: ParsedQuery): string[] {
  const writtenOut = query.phrase.replace(/\bai\b/g, "artificial intelligence");
  return writtenOut === query.phrase ? [query.phrase] : [query.phrase, writtenOut];
}

function rankOf(item: Indexed, query: ParsedQuery): number | null {
  let inTitleExact = true;
  let inTitle = true;
  let exact = true;
  for (const clause of query.clauses) {
    const titleExact = holds(item.title, clause);
    const titlePrefix = titleExact || begins(item, clause, item.title);
    const bodyExact = holds(item.body, clause);
    if (!titlePrefix && !bodyExact && !begins(item, clause, item.body)) return null;
    inTitleExact &&= titleExact;
    inTitle &&= titlePrefix;
    exact &&= titleExact || bodyExact;
  }
  if (inTitleExact)
    return query.clauses.length > 1 && phrases(query).some((p) => item.titleText.includes(p)) ? 0 : 1;
  if (inTitle) return 2;
  return exact ? 3 : 4;
}
