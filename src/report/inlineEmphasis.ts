/** A run of text and the emphasis the source marked it with. */
export interface EmphasisRun {
  text: string;
  bold: boolean;
  italic: boolean;
}

// "**全球首个…**" and "*Living guidelines…*", as the seed's text marks them; "$10^{26}$" and "*" alone stay text.
const EMPHASIS = /\*\*([^*\n]+?)\*\*|(?<![*\p{L}\p{N}])\*([^*\n\s][^*\n]*?)\*(?![*\p{L}\p{N}])/gu;

/**
 * Splits text at the Markdown emphasis it carries (the seed keeps the PDF's bold and italics so), so
 * that HTML and DOCX show emphasis instead of asterisks. The text itself is never interpreted otherwise.
 */
export function splitEmphasis(text: string): EmphasisRun[] {
  const runs: EmphasisRun[] = [];
  let last = 0;
  for (const match of text.matchAll(EMPHASIS)) {
    if (match.index > last) runs.push({ text: text.slice(last, match.index), bold: false, italic: false });
    if (match[1] !== undefined) runs.push({ text: match[1], bold: true, italic: false });
    else runs.push({ text: match[2] ?? "", bold: false, italic: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last), bold: false, italic: false });
  return runs;
}
