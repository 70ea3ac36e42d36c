import type { Deadline } from "../domain/deadline.js";
import { inLawOn } from "../domain/obligation.js";
import type { ObligationsData } from "../reference/obligationsData.js";

// The type moved to domain/deadline.ts (a schema the API document is generated from); re-exported for
// the importers that still name it here.
export type { Deadline };

const APPLICABILITY = new Set(["in-force", "applies", "transition-ends"]);

/**
 * Every applicability date of every instrument, oldest first: the dates the instrument records state
 * (in force, applies, end of a transition) and the start dates of its duties and their transitions.
 * Only day-precise dates: a calendar cannot show "2026-03" truthfully.
 */
export function listDeadlines(data: ObligationsData): Deadline[] {
  const byKey = new Map<string, Deadline>();
  const entry = (instrumentId: string, date: string): Deadline | undefined => {
    const instrument = data.instruments.find((i) => i.id === instrumentId);
    if (!instrument || date.length !== 10) return undefined;
    const key = `${instrumentId}-${date}`;
    let deadline = byKey.get(key);
    if (!deadline) {
      deadline = {
        uid: `${key}@aigov-obligations`,
        date,
        instrument: instrumentId,
        jurisdiction: instrument.jurisdiction,
        title: { zh: instrument.title.zh, en: instrument.title.en },
        what: [],
        obligations: [],
        url: instrument.officialUrl,
      };
      byKey.set(key, deadline);
    }
    return deadline;
  };
  for (const instrument of data.instruments)
    for (const date of instrument.dates)
      if (APPLICABILITY.has(date.kind)) entry(instrument.id, date.date)?.what.push(date.label);
  for (const obligation of data.obligations) {
    const starts = [
      { date: obligation.from, label: obligation.title },
      ...obligation.transitions.map((t) => ({ date: t.from, label: t.label })),
    ];
    for (const start of starts) {
      // A date takes effect only if the version that sets it is the law on that day (the Digital
      // Omnibus's new dates replace the original ones, which then never took effect).
      if (!inLawOn(obligation, start.date)) continue;
      const deadline = entry(obligation.instrument, start.date);
      if (!deadline) continue;
      if (!deadline.obligations.includes(obligation.id)) deadline.obligations.push(obligation.id);
      if (!deadline.what.some((w) => w.en === start.label.en)) deadline.what.push(start.label);
    }
  }
  return [...byKey.values()].sort((a, b) => a.date.localeCompare(b.date) || a.uid.localeCompare(b.uid));
}

/** The deadlines on or after a day, soonest first: "what takes effect next". */
export function upcomingDeadlines(data: ObligationsData, fromDay: string, limit: number): Deadline[] {
  return listDeadlines(data)
    .filter((deadline) => deadline.date >= fromDay)
    .slice(0, limit);
}

/** Today as YYYY-MM-DD in UTC. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
