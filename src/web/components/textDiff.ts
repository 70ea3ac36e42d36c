import { html, type SafeHtml } from "../html.js";

// The difference of two texts word by word, so that a reviewer sees the words that changed in a
// summary of a thousand, not just that the summary changed.

/** Above this many cells the word comparison is not made: the whole text is marked instead. */
const MAX_CELLS = 2_000_000;

/** Words, spaces and punctuation, as the language breaks them (Chinese into words, not characters). */
function tokens(text: string, locale: string): string[] {
  const segmenter = new Intl.Segmenter(locale, { granularity: "word" });
  return [...segmenter.segment(text)].map((s) => s.segment);
}

/** Which tokens of a and of b are kept (in the longest common subsequence of the two). */
function keptTokens(a: string[], b: string[]): { inA: boolean[]; inB: boolean[] } | null {
  const inA = new Array<boolean>(a.length).fill(false);
  const inB = new Array<boolean>(b.length).fill(false);
  // The common start and end are kept without comparing them cell by cell (most edits are small).
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) inA[start] = inB[start++] = true;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) inA[--endA] = inB[--endB] = true;
  const n = endA - start;
  const m = endB - start;
  if (n * m > MAX_CELLS) return null;
  // lengths[i][j]: the longest common subsequence of a[start+i..endA) and b[start+j..endB).
  const lengths = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      (lengths[i] as Uint32Array)[j] =
        a[start + i] === b[start + j]
          ? ((lengths[i + 1] as Uint32Array)[j + 1] as number) + 1
          : Math.max(
              (lengths[i + 1] as Uint32Array)[j] as number,
              (lengths[i] as Uint32Array)[j + 1] as number,
            );
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[start + i] === b[start + j]) {
      inA[start + i++] = true;
      inB[start + j++] = true;
    } else if (
      ((lengths[i + 1] as Uint32Array)[j] as number) >= ((lengths[i] as Uint32Array)[j + 1] as number)
    )
      i++;
    else j++;
  }
  return { inA, inB };
}

/** Tokens as markup: runs of kept tokens plain, runs of changed ones in `tag` (del or ins). */
function marked(parts: string[], keptTokens: boolean[], tag: "del" | "ins"): SafeHtml {
  // A space between two changed words is marked with them: "<ins>on the web</ins>", not word by word.
  const kept = keptTokens.map(
    (k, i) =>
      k && !(/^\s+$/.test(parts[i] as string) && keptTokens[i - 1] === false && keptTokens[i + 1] === false),
  );
  const out: SafeHtml[] = [];
  let run: string[] = [];
  let runKept = true;
  const flush = () => {
    if (!run.length) return;
    const text = run.join("");
    out.push(runKept ? html`${text}` : tag === "del" ? html`<del>${text}</del>` : html`<ins>${text}</ins>`);
    run = [];
  };
  parts.forEach((part, k) => {
    const isKept = kept[k] as boolean;
    if (isKept !== runKept) flush();
    runKept = isKept;
    run.push(part);
  });
  flush();
  return html`${out}`;
}

/** Two versions of a text with their changed words marked: removed ones in the first, added in the second. */
export function textDiff(
  before: string | null,
  after: string | null,
  locale: string,
): { before: SafeHtml | null; after: SafeHtml | null } {
  if (before === null || after === null)
    return {
      before: before === null ? null : html`<del>${before}</del>`,
      after: after === null ? null : html`<ins>${after}</ins>`,
    };
  const a = tokens(before, locale);
  const b = tokens(after, locale);
  const kept = keptTokens(a, b);
  if (!kept) return { before: html`<del>${before}</del>`, after: html`<ins>${after}</ins>` };
  return { before: marked(a, kept.inA, "del"), after: marked(b, kept.inB, "ins") };
}
