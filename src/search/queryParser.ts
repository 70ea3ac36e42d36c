import { isPrefixable, type Token, tokenize, tokenTerms } from "./textTerms.js";

/**
 * One thing the query asks for: every result must match it. `terms` are read against the index;
 * `prefix` (for a word) also admits the words it begins; a lone CJK character admits the bigrams that
 * contain it.
 */
export interface QueryClause {
  /** What kind of token the user typed, so that a snippet can find it again in the text as written. */
  kind: Token["kind"];
  /** What the user typed, normalised, for highlighting. */
  text: string;
  terms: string[];
  prefix: string | null;
  singleHan: string | null;
}

export interface ParsedQuery {
  clauses: QueryClause[];
  /** The normalised query, to find it as a phrase in titles. */
  phrase: string;
}

function clauseOf(token: Token): QueryClause {
  return {
    kind: token.kind,
    text: token.text,
    terms: tokenTerms(token),
    prefix: isPrefixable(token) ? token.text : null,
    singleHan: token.kind === "cjk" && [...token.text].length === 1 ? token.text : null,
  };
}

/** Reads a search query into clauses that must all match (AND), mixing scripts freely. */
export function parseQuery(query: string): ParsedQuery {
  // The pieces of a compound (`4o` in `GPT-4o`) are there for documents; a query asks for the whole.
  const tokens = tokenize(query).filter((token) => !("part" in token && token.part));
  return {
    clauses: tokens.map(clauseOf),
    phrase: tokens.map((token) => token.text).join(" "),
  };
}
