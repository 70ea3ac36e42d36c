/** How a stored paragraph is laid out: a table (tab-separated rows), a bulleted list, or lines of text. */
export type ParagraphShape =
  | { kind: "table"; rows: string[][] }
  | { kind: "list"; items: string[] }
  | { kind: "lines"; lines: string[] };

const BULLET = /^\s*[-•●]\s+/;

/**
 * Reads the layout a paragraph's text keeps from its source: rows whose cells are separated by tabs (the
 * seed's risk-mapping table), "- " items (a list), or lines to break where the text breaks them.
 */
export function shapeParagraph(text: string): ParagraphShape {
  const lines = text.split("\n");
  if (lines.length > 1 && lines.filter((line) => line.includes("\t")).length >= 2)
    return { kind: "table", rows: lines.map((line) => line.split("\t").map((cell) => cell.trim())) };
  if (lines.every((line) => BULLET.test(line)))
    return { kind: "list", items: lines.map((l) => l.replace(BULLET, "")) };
  return { kind: "lines", lines };
}
