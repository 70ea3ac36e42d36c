// Pure (no Node, no zod): the server cards and the browser script label sources the same way.
import { httpUrlOrNull } from "../../domain/httpUrl.js";

/** The parts of a source a label is made from. */
export interface LabelledSource {
  note: number | null;
  url: string | null;
  publisher: string | null;
}

/**
 * What a source's address says of its document: the last part of its path written as words
 * (`…/removing-barriers-to-american-leadership-in-artificial-intelligence/` → "Removing barriers to
 * American …"), a PDF said so; null when the path holds no words (ids, dates, `index.html`).
 */
export function documentName(url: string | null): string | null {
  const href = httpUrlOrNull(url);
  if (!href) return null;
  const segment = new URL(href).pathname.split("/").filter(Boolean).pop();
  if (!segment) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return null;
  }
  const pdf = /\.pdf$/i.test(decoded);
  const words = decoded
    .replace(/\.[a-z0-9]{2,5}$/i, "")
    .split(/[-_+\s]+/)
    .filter(Boolean);
  // Words of letters, at least two of them, most of the name: not an id such as t20250101_123.
  const wordy = words.filter((w) => /^\p{L}[\p{L}'’]*$/u.test(w));
  if (wordy.length < 2 || wordy.length < words.length / 2) return null;
  const shown = words.slice(0, WORDS_SHOWN).join(" ");
  const name = `${shown.charAt(0).toUpperCase()}${shown.slice(1)}${words.length > WORDS_SHOWN ? " …" : ""}`;
  return pdf ? `${name} (PDF)` : name;
}

const WORDS_SHOWN = 8;

/** A source's short label: its publisher, else the link's host, else its footnote number. */
export function sourceLabel(source: LabelledSource, index: number): string {
  if (source.publisher) return source.publisher;
  const url = httpUrlOrNull(source.url);
  if (url) return new URL(url).hostname.replace(/^www\./, "");
  return `[${source.note ?? index + 1}]`;
}

/**
 * Labels of an event's sources, each naming its document where the address does ("The White House:
 * Removing barriers to American …"), else its publisher or host; repeats that still look alike get
 * their position.
 */
export function sourceLabels(sources: LabelledSource[]): string[] {
  const labels = sources.map((source, index) => {
    const short = sourceLabel(source, index);
    const name = documentName(source.url);
    return name ? `${short}: ${name}` : short;
  });
  return labels.map((label, i) => {
    const total = labels.filter((other) => other === label).length;
    if (total === 1) return label;
    return `${label} ${labels.slice(0, i + 1).filter((other) => other === label).length}`;
  });
}
