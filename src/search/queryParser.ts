import { isPrefixable, stemWord, type Token, tokenize, tokenTerms } from "./textTerms.js";

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
  /**
   * Other writings of the same identifier or number, each a list of terms that must all match: `SB53`
   * is also `SB 53`, the CELEX number `32024R1689` also `2024/1689`, `1e25` also `10^25`.
   */
  writings: string[][];
  /**
   * The letters and digits of a compound written apart (`SB53` → `sb`, `53`), which may also stand apart
   * in a document: a weaker match than a writing, ranked below one as typed (see SearchIndex).
   */
  pieces: string[] | null;
  prefix: string | null;
  singleHan: string | null;
}

export interface ParsedQuery {
  clauses: QueryClause[];
  /** The normalised query, to find it as a phrase in titles. */
  phrase: string;
}

// A CELEX number of an act (sector 3, year, type letter, number: 32024R1689) and a power of ten written
// with an `e` (1e25, 10e24).
const CELEX = /^3(\d{4})[a-z](\d{4})$/;
const E_NOTATION = /^(\d+)e(\d{1,3})$/;

// Abbreviations written out, as titles have them: the Korean "AI Basic Act" is the "Basic Act on the
// Development of Artificial Intelligence…", "EO 14179" is "Executive Order 14179".
const WRITTEN_OUT: Record<string, string[]> = {
  ai: [stemWord("artificial"), stemWord("intelligence")],
  eo: [stemWord("executive"), stemWord("order")],
};

/** The other ways a token may be written in a document (see QueryClause.writings). */
function writingsOf(token: Token): string[][] {
  if (token.kind === "word") return WRITTEN_OUT[token.text] ? [WRITTEN_OUT[token.text] as string[]] : [];
  if (token.kind !== "compound") return [];
  const writings: string[][] = [];
  const celex = CELEX.exec(token.text);
  if (celex) writings.push([celex[1] as string, String(Number(celex[2]))]);
  const power = E_NOTATION.exec(token.text);
  if (power) {
    // 1e25 is 10^25, and so is 10e24: the mantissa's trailing zeros move into the exponent.
    const mantissa = (power[1] as string).replace(/^0+/, "");
    const zeros = /0*$/.exec(mantissa)?.[0].length ?? 0;
    if (mantissa.slice(0, mantissa.length - zeros) === "1") writings.push([`10^${Number(power[2]) + zeros}`]);
  }
  return writings;
}

/**
 * The pieces of a bill or standard number written as one (`SB53`, `GB45438`), to find it written apart
 * (`SB 53`, `GB 45438-2025`); not of an e-notation or a CELEX number, whose pieces (`1`, `e`, `25`) mean
 * nothing apart.
 */
function piecesOf(token: Token, parts: Token[]): string[] | null {
  if (token.kind !== "compound" || parts.length < 2) return null;
  if (CELEX.test(token.text) || E_NOTATION.test(token.text)) return null;
  return parts.flatMap(tokenTerms);
}

function clauseOf(token: Token, parts: Token[]): QueryClause {
  return {
    kind: token.kind,
    text: token.text,
    terms: tokenTerms(token),
    writings: writingsOf(token),
    pieces: piecesOf(token, parts),
    prefix: isPrefixable(token) ? token.text : null,
    singleHan: token.kind === "cjk" && [...token.text].length === 1 ? token.text : null,
  };
}

// Dotted initials (`S.B. 149`, `H.B. 149`) are one word as a bill number, as users type them.
const DOTTED_INITIALS = /\b(\p{L})\.(\p{L})\.(?=[\s\d]|$)/gu;

/** Text with dotted initials joined (`S.B. 149` → `SB 149`), for queries and for the catalog's text. */
export function undot(text: string): string {
  return text.replace(DOTTED_INITIALS, "$1$2");
}

/** Reads a search query into clauses that must all match (AND), mixing scripts freely. */
export function parseQuery(query: string): ParsedQuery {
  // The pieces of a compound (`4o` in `GPT-4o`) are there for documents; a query asks for the whole, or
  // for the pieces as another writing of it (`SB53` finds `SB 53`).
  const all = tokenize(undot(query));
  const clauses: QueryClause[] = [];
  const whole: Token[] = [];
  for (let i = 0; i < all.length; i++) {
    const token = all[i] as Token;
    if ("part" in token && token.part) continue;
    const parts: Token[] = [];
    while (i + 1 < all.length && "part" in (all[i + 1] as Token) && (all[i + 1] as { part?: true }).part)
      parts.push(all[++i] as Token);
    clauses.push(clauseOf(token, token.kind === "compound" ? parts : []));
    whole.push(token);
  }
  return { clauses, phrase: whole.map((token) => token.text).join(" ") };
}
