import ical from "ical-generator";
import { firstHttpUrl } from "./firstHttpUrl.js";
import type { CorrectedField } from "../domain/correction.js";
import {
  type CorrectionsByEvent,
  type EventCorrection,
  NO_CORRECTIONS,
} from "../domain/correctionsByEvent.js";
import { correctionText } from "../domain/correctionText.js";
import { EXPORT_PHRASES } from "./exportPhrases.js";
import type { Event } from "../domain/event.js";
import { type Language, pickText } from "../domain/localizedText.js";

const dayAfter = (day: string) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date;
};
const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

/** A further all-day entry with its own stable UID (the obligations' applicability dates). */
export interface AllDayEntry {
  uid: string;
  day: string;
  summary: string;
  description?: string;
  url?: string;
}

/**
 * An iCalendar of events as all-day entries: the day (or days) each event happened and every effective
 * date its text states. Dates known only to the month or year are left out: a calendar cannot show them
 * truthfully. A corrected event's entries keep their dates as imported and say the correction in their
 * description.
 */
export function eventsToIcs(events: Event[], options: IcsOptions): string {
  return buildCalendar(events, options).toString();
}

export interface IcsOptions {
  baseUrl: string;
  lang: Language;
  extra?: AllDayEntry[];
  /** The corrections to show beside the events' text (default none). */
  corrections?: CorrectionsByEvent;
}

// What an effective-date entry shows of its event: the title and one of the effective dates.
const SHOWN_BY_EFFECTIVE_ENTRY = new Set<CorrectedField>(["title", "effectiveDates"]);

/** A description: the text, then each correction as a paragraph of its own; undefined when both are empty. */
function descriptionOf(
  text: string | undefined,
  corrections: readonly EventCorrection[],
  lang: Language,
): string | undefined {
  const parts = [text, ...corrections.map((c) => correctionText(c, lang))].filter(Boolean);
  return parts.length ? parts.join("\n\n") : undefined;
}

const END = "END:VCALENDAR";

// RFC 5545 §3.3.11: a TEXT value holds no control character but tab (a newline is written escaped, "\n").
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ICS_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
const icsText = <T extends string | undefined>(text: T): T =>
  (text === undefined ? text : text.replace(ICS_CONTROLS, "")) as T;

/**
 * The same calendar in pieces, for streaming: `head` is the calendar up to its first event (with the
 * extra entries, which are few), `events(page)` the VEVENT blocks of a page of events, and `END` closes
 * it. ical-generator still writes every line (escaping, folding); only the frame is cut around it.
 */
export function icsPieces(options: IcsOptions): {
  head: string;
  events: (page: Event[]) => string;
  tail: string;
} {
  const head = buildCalendar([], options).toString();
  return {
    head: head.slice(0, head.lastIndexOf(END)),
    events: (page) => {
      const text = buildCalendar(page, { ...options, extra: [] }).toString();
      const first = text.indexOf("BEGIN:VEVENT");
      return first < 0 ? "" : text.slice(first, text.lastIndexOf(END));
    },
    tail: END,
  };
}

function buildCalendar(events: Event[], options: IcsOptions) {
  const calendar = ical({
    name: EXPORT_PHRASES[options.lang].calendarName,
    prodId: { company: "aigov", product: "aigov", language: options.lang.toUpperCase() },
    timezone: null,
  });
  for (const event of events) {
    const corrections = (options.corrections ?? NO_CORRECTIONS).get(event.id) ?? [];
    const title = icsText(pickText(event.title, options.lang) ?? event.id);
    const url = firstHttpUrl(event) ?? `${options.baseUrl}/api/events/${event.id}`;
    if (event.date.precision === "day" && (event.date.end === null || event.date.end.length === 10)) {
      calendar.createEvent({
        id: `${event.id}@aigov`,
        start: asDate(event.date.start),
        end: dayAfter(event.date.end ?? event.date.start),
        allDay: true,
        summary: title,
        // The event's day entry shows its title, date and summary: every correction goes with them.
        description: icsText(descriptionOf(pickText(event.summary, options.lang), corrections, options.lang)),
        url,
      });
    }
    event.effectiveDates.forEach((effective, index) => {
      if (effective.date.length !== 10) return;
      const label = icsText(effective.label ? pickText(effective.label, options.lang) : undefined);
      const prefix = EXPORT_PHRASES[options.lang].takesEffect;
      calendar.createEvent({
        id: `${event.id}-effective-${index + 1}@aigov`,
        start: asDate(effective.date),
        end: dayAfter(effective.date),
        allDay: true,
        summary: `${prefix}: ${title}${label ? ` (${label})` : ""}`,
        description: icsText(
          descriptionOf(
            undefined,
            corrections.filter((c) => SHOWN_BY_EFFECTIVE_ENTRY.has(c.field)),
            options.lang,
          ),
        ),
        url,
      });
    });
  }
  for (const entry of options.extra ?? []) {
    if (entry.day.length !== 10) continue;
    calendar.createEvent({
      id: entry.uid,
      start: asDate(entry.day),
      end: dayAfter(entry.day),
      allDay: true,
      summary: entry.summary,
      description: entry.description,
      url: entry.url,
    });
  }
  return calendar;
}
