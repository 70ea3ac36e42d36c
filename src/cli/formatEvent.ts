import type { CorrectedField } from "../domain/correction.js";
import type { EventCorrection } from "../domain/correctionsByEvent.js";
import { correctionParts, correctionText } from "../domain/correctionText.js";
import type { Event } from "../domain/event.js";
import { type Language, pickText } from "../domain/localizedText.js";
import { terminalText } from "./terminalText.js";

function formatDate(event: Event): string {
  return event.date.end ? `${event.date.start}/${event.date.end}` : event.date.start;
}

/** One line per event for `aigov list`: date, jurisdictions, title, id. */
export function formatEventLine(event: Event, lang: Language): string {
  const where = event.jurisdictions.length ? `[${event.jurisdictions.join(",")}] ` : "";
  const title = terminalText(pickText(event.title, lang) ?? "").replace(/\n/g, " ");
  return `${formatDate(event).padEnd(10)}  ${where}${title}  (${event.id})`;
}

/** What follows a heading on the same line, as each language writes it. */
const HEADING_COLON: Record<Language, string> = { zh: "：", en: ": " };

/**
 * A correction on one line, for the line of an event in `aigov list` and `aigov search`: which field and
 * what the official record shows, in the words of the exports ("Correction (summary): …").
 */
export function formatCorrectionLine(correction: EventCorrection, lang: Language): string {
  const { heading, text } = correctionParts(correction, lang);
  return terminalText(`${heading}${HEADING_COLON[lang]}${text}`).replace(/\n/g, " ");
}

/**
 * Every field of an event, for `aigov show`, each corrected field followed by its corrections (in
 * `lang`, with how they were checked and their sources): the imported text stays as imported.
 */
export function formatEventDetail(
  event: Event,
  corrections: readonly EventCorrection[] = [],
  lang: Language = "en",
): string {
  const out: string[] = [];
  const field = (name: string, value: string | null | undefined) => {
    if (value) out.push(`${`${name}:`.padEnd(15)}${value.replace(/\n/g, " ")}`);
  };
  const corrected = (name: CorrectedField) => {
    for (const c of corrections) if (c.field === name) out.push(`  ${correctionText(c, lang)}`);
  };
  field("id", event.id);
  field("seq", event.seq === null ? null : String(event.seq));
  field("title (zh)", event.title.zh);
  field("title (en)", event.title.en);
  corrected("title");
  field("date", `${formatDate(event)} (${event.date.precision})`);
  corrected("date");
  field("jurisdictions", event.jurisdictions.join(", "));
  corrected("jurisdictions");
  field("level", event.level);
  corrected("level");
  field("type", event.type);
  corrected("type");
  field("bindingness", event.bindingness);
  corrected("bindingness");
  field("tags", event.tags.join(", "));
  field("document", event.document);
  for (const effective of event.effectiveDates)
    field("effective", `${effective.date} ${effective.label?.en ?? effective.label?.zh ?? ""}`.trim());
  corrected("effectiveDates");
  for (const relation of event.relations)
    field(
      "relation",
      `${relation.kind} ${relation.target ?? relation.label?.en ?? relation.label?.zh ?? ""}`,
    );
  for (const identifier of event.identifiers) field("identifier", `${identifier.scheme} ${identifier.value}`);
  for (const [summaryLang, text] of [
    ["zh", event.summary.zh],
    ["en", event.summary.en],
  ] as const)
    if (text) out.push("", `summary (${summaryLang}):`, text);
  if (corrections.some((c) => c.field === "summary")) out.push("");
  corrected("summary");
  if (event.sources.length) out.push("", "sources:");
  for (const source of event.sources) {
    const mark = source.note === null ? "-" : `[${source.note}]`;
    out.push(`  ${mark} ${source.text ?? "(the document cites this note but does not print it)"}`);
  }
  return terminalText(out.join("\n"));
}

/** What `aigov list` and `aigov search` say on stderr when nothing matches (stdout stays empty, or `[]`). */
export const NO_EVENTS_MATCH = "no events match";
