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

/** Every field of an event, for `aigov show`. */
export function formatEventDetail(event: Event): string {
  const out: string[] = [];
  const field = (name: string, value: string | null | undefined) => {
    if (value) out.push(`${`${name}:`.padEnd(15)}${value.replace(/\n/g, " ")}`);
  };
  field("id", event.id);
  field("seq", event.seq === null ? null : String(event.seq));
  field("title (zh)", event.title.zh);
  field("title (en)", event.title.en);
  field("date", `${formatDate(event)} (${event.date.precision})`);
  field("jurisdictions", event.jurisdictions.join(", "));
  field("level", event.level);
  field("type", event.type);
  field("bindingness", event.bindingness);
  field("tags", event.tags.join(", "));
  field("document", event.document);
  for (const effective of event.effectiveDates)
    field("effective", `${effective.date} ${effective.label?.en ?? effective.label?.zh ?? ""}`.trim());
  for (const relation of event.relations)
    field(
      "relation",
      `${relation.kind} ${relation.target ?? relation.label?.en ?? relation.label?.zh ?? ""}`,
    );
  for (const identifier of event.identifiers) field("identifier", `${identifier.scheme} ${identifier.value}`);
  for (const [lang, text] of [
    ["zh", event.summary.zh],
    ["en", event.summary.en],
  ] as const)
    if (text) out.push("", `summary (${lang}):`, text);
  if (event.sources.length) out.push("", "sources:");
  for (const source of event.sources) {
    const mark = source.note === null ? "-" : `[${source.note}]`;
    out.push(`  ${mark} ${source.text ?? "(the document cites this note but does not print it)"}`);
  }
  return terminalText(out.join("\n"));
}
