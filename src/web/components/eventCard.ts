import { html, type SafeHtml, unsafeRaw } from "../html.js";
import type { Translate } from "../i18n/t.js";
import type { CardPlace, CompactCorrection } from "./compactCorrection.js";
import { compactCorrectionNote } from "./correctionNote.js";
import { localized, type PickedText } from "./localized.js";

/** What an event card shows: everything already picked, formatted and linked by the page. */
export interface EventCardModel {
  href: string;
  title: PickedText;
  date: string;
  /** ISO form of the date for <time datetime>. */
  datetime: string;
  jurisdictions: { code: string; name: string }[];
  type: string | null;
  bindingness: { value: string; label: string } | null;
  summary: PickedText | null;
  /** A search snippet cut into plain and marked runs (shown instead of the summary's first lines). */
  snippet: { text: string; marked: boolean }[] | null;
  sources: { label: string; href: string | null }[];
  /** The event's corrections, each shown beside the field it corrects (see correctionNote.ts). */
  corrections: CompactCorrection[];
  /** Heading level of the title inside the list it sits in. */
  headingLevel: 2 | 3 | 4;
  /** How names are joined in the page's language ("、" or ", "). */
  separator: string;
}

/**
 * One event in a list (chronicle, search results): date, where, what kind, title, first lines, sources,
 * and a note beside each field the official record corrects.
 */
export function eventCard(model: EventCardModel, t: Translate): SafeHtml {
  const heading = unsafeRaw(`h${model.headingLevel}`);
  const notes = (place: CardPlace) =>
    model.corrections.filter((c) => c.place === place).map(compactCorrectionNote);
  const where = model.jurisdictions.map(
    (j, i) => html`${i ? model.separator : ""}<abbr title="${j.code}">${j.name}</abbr>`,
  );
  const snippet = model.snippet
    ? html`<p class="event-card__snippet">
        ${model.snippet.map((s) => (s.marked ? html`<mark>${s.text}</mark>` : s.text))}
      </p>`
    : model.summary
      ? html`<p class="event-card__summary">${localized(model.summary, t)}</p>`
      : "";
  const sources = model.sources.length
    ? html`<p class="event-card__sources">
        <span class="visually-hidden">${t("chronicle.sources")}: </span>${model.sources.map(
          (s, i) =>
            html`${i ? " · " : ""}${s.href ? html`<a href="${s.href}" rel="noopener noreferrer external">${s.label}</a>` : s.label}`,
        )}
      </p>`
    : "";
  return html`<article class="event-card">
<p class="event-card__meta"><time datetime="${model.datetime}">${model.date}</time>${model.jurisdictions.length ? html` · ${where}` : ""}${model.type ? html` · <span class="tag">${model.type}</span>` : ""}${
    model.bindingness
      ? html` · <span class="badge badge--${model.bindingness.value}">${model.bindingness.label}</span>`
      : ""
  }</p>
${notes("meta")}
<${heading} class="event-card__title"><a href="${model.href}">${localized(model.title, t)}</a></${heading}>
${notes("title")}
${snippet}
${notes("summary")}
${sources}
</article>`;
}
