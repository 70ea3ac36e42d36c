import { createHash } from "node:crypto";
import type { LocalizedText } from "./localizedText.js";

/** Lowercase ASCII words joined by hyphens, cut at a word boundary near `max` characters. */
export function slugify(text: string, max = 60): string {
  const words = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > max) break;
    slug = next;
  }
  return slug;
}

/**
 * An id for an event that arrives without one: the year and an English slug of its title, or, for a
 * title in Chinese only, a short hash of it. The same title and year always give the same id.
 */
export function deriveEventId(title: LocalizedText, dateStart: string): string {
  const year = dateStart.slice(0, 4);
  const slug = title.en ? slugify(title.en) : "";
  if (slug) return `${year}-${slug}`;
  const text = (title.zh ?? title.en ?? "").replace(/\s+/g, "");
  return `${year}-${createHash("sha256").update(text).digest("hex").slice(0, 10)}`;
}
