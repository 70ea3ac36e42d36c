import { httpUrlOrNull } from "../../domain/httpUrl.js";
import type { Event } from "../../domain/event.js";
import { label } from "../../domain/vocabulary.js";
import type { Snippet } from "../../search/snippet.js";
import { snippetSegments } from "../../search/snippet.js";
import { compactCorrection } from "../components/compactCorrection.js";
import type { EventCardModel } from "../components/eventCard.js";
import { firstLines, pick } from "../components/localized.js";
import { sourceLabels } from "../components/sourceLabels.js";
import { formatDateSpan } from "../i18n/formatDate.js";
import { localHref } from "../i18n/localHref.js";
import type { PageRequest } from "../webPage.js";
import { listSeparator } from "../../domain/languageForms.js";

/**
 * The card of an event in the page's language, linking to its page (never to raw JSON), with its
 * corrections from the request (the ones the API puts on the event's JSON).
 */
export function eventCardModel(
  event: Event,
  request: Pick<PageRequest, "lang" | "name" | "corrections">,
  options: { snippet?: Snippet | null; headingLevel?: 2 | 3 | 4 } = {},
): EventCardModel {
  const { lang, name } = request;
  const summary = pick(event.summary, lang);
  const href = localHref(`/events/${event.id}`, lang);
  return {
    href,
    title: pick(event.title, lang) ?? { text: event.id, lang, fallback: false },
    date: formatDateSpan(event.date, lang),
    datetime: event.date.start,
    jurisdictions: event.jurisdictions.map((code) => ({ code, name: name(code, lang) })),
    type: event.type ? label("type", event.type, lang) : null,
    bindingness: event.bindingness
      ? { value: event.bindingness, label: label("bindingness", event.bindingness, lang) }
      : null,
    summary: summary ? { ...summary, text: firstLines(summary.text) } : null,
    snippet: options.snippet ? snippetSegments(options.snippet) : null,
    sources: sourceLabels(event.sources).map((label, index) => ({
      label,
      href: httpUrlOrNull(event.sources[index]?.url),
    })),
    corrections: (request.corrections.get(event.id) ?? []).map((c, i) => compactCorrection(c, i, href, lang)),
    headingLevel: options.headingLevel ?? 3,
    separator: listSeparator(lang),
  };
}
