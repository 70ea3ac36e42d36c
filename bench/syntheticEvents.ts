import { Event } from "../src/domain/event.js";
import { formatPartialDate } from "../src/domain/partialDate.js";
import { readBundledDataset } from "../src/import/bundledDataset.js";

/** A small deterministic PRNG (mulberry32), so that every run generates the same events. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Realistic synthetic events: titles, summary sentences (zh and en), sources, jurisdictions, types and
 * tags drawn from the bundled dataset's own vocabulary, dates spread over 2016–2025. For benchmarks only.
 */
export function* generateEvents(count: number, seed = 42): Generator<Event> {
  const { events } = readBundledDataset();
  const next = random(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)] as T;
  const zhSentences = events.flatMap((e) =>
    (e.summary.zh ?? "").split(/(?<=。)/).filter((s) => s.trim().length > 8 && !s.includes("\t")),
  );
  const enSentences = events.flatMap((e) =>
    (e.summary.en ?? "").split(/(?<=\.)\s+/).filter((s) => s.length > 20),
  );
  const sources = events.flatMap((e) => e.sources);
  for (let i = 0; i < count; i++) {
    const template = pick(events);
    const year = 2016 + Math.floor(next() * 10);
    const month = 1 + Math.floor(next() * 12);
    const precise = next() < 0.8;
    const start = formatPartialDate(year, month, precise ? 1 + Math.floor(next() * 28) : undefined);
    const sentences = 2 + Math.floor(next() * 3);
    yield Event.parse({
      id: `synthetic-${i + 1}`,
      seq: null,
      title: { zh: template.title.zh, en: template.title.en },
      summary: {
        zh: Array.from({ length: sentences }, () => pick(zhSentences).trim()).join(""),
        en: Array.from({ length: sentences }, () => pick(enSentences).trim()).join(" "),
      },
      date: { start, end: null },
      jurisdictions: next() < 0.3 ? pick(events).jurisdictions : template.jurisdictions,
      level: template.level,
      type: next() < 0.7 ? template.type : pick(events).type,
      bindingness: template.bindingness,
      tags: next() < 0.5 ? template.tags : pick(events).tags,
      sources: [{ ...pick(sources), note: null }],
    });
  }
}
