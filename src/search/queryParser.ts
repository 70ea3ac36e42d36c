import { hanTerms, type Token, tokenize } from "./textTerms.js";

/**
 * One thing the query asks for: every result must match it. `terms` are read against the index;
 * `prefix` (for a Latin word) also admits the words it begins; a lone Han character admits the
 * bigrams that contain it.
 */
export interface QueryClause {
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
  if (token.kind === "han") {
    const chars = [...token.text];
    return {
      text: token.text,
      terms: hanTerms(token.text),
      prefix: null,
      singleHan: chars.length === 1 ? token.text : null,
    };
  }
  return {
    text: token.text,
    terms: [token.stem],
    prefix: token.text.length >= 3 ? token.text : null,
    singleHan: null,
  };
}

/** Reads a search query into clauses that must all match (AND), mixing Chinese and English freely. */
export function parseQuery(query: string): ParsedQuery {
  const tokens = tokenize(query);
  return {
    clauses: tokens.map(clauseOf),
    phrase: tokens.map((token) => token.text).join(" "),
  };
}
