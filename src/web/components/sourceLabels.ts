// Pure (no Node, no zod): the server cards and the browser script label sources the same way.
import { httpUrlOrNull } from "../../domain/httpUrl.js";

/** The parts of a source a label is made from. */
export interface LabelledSource {
  note: number | null;
  url: string | null;
  publisher: string | null;
}

/** A source's short label: its publisher, else the link's host, else its footnote number. */
export function sourceLabel(source: LabelledSource, index: number): string {
  if (source.publisher) return source.publisher;
  const url = httpUrlOrNull(source.url);
  if (url) return new URL(url).hostname.replace(/^www\./, "");
  return `[${source.note ?? index + 1}]`;
}

/** Short labels of an event's sources; repeats (two footnotes of one publisher) get their position. */
export function sourceLabels(sources: LabelledSource[]): string[] {
  const labels = sources.map(sourceLabel);
  return labels.map((label, i) => {
    const total = labels.filter((other) => other === label).length;
    if (total === 1) return label;
    return `${label} ${labels.slice(0, i + 1).filter((other) => other === label).length}`;
  });
}
