// Pure text helpers shared by the server pages and the browser script.

/** Plain text of a summary as printed: Markdown emphasis ("**三类枢纽**") dropped. */
export function plainText(text: string): string {
  return text.replace(/\*\*([^*\n]+)\*\*/g, "$1").replace(/(?<![\w*])\*([^*\n]+)\*(?![\w*])/g, "$1");
}

/** The first lines of a text: its first sentence or two, cut near `limit` characters. */
export function firstLines(text: string, limit = 180): string {
  const plain = plainText(text).replace(/\s+/g, " ").trim();
  if (plain.length <= limit) return plain;
  const cut = plain.slice(0, limit);
  const stop = Math.max(cut.lastIndexOf("。"), cut.lastIndexOf(". "), cut.lastIndexOf("；"));
  return stop > limit / 2 ? cut.slice(0, stop + 1) : `${cut.trimEnd()}…`;
}
