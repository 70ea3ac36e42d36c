import { httpUrlOrNull } from "../../domain/httpUrl.js";
import { snippetSegments } from "../../search/snippet.js";
import type { EventCorrection } from "../../domain/correctionsByEvent.js";
import {
  type CardPlace,
  type CompactCorrection,
  compactCorrection,
} from "../components/compactCorrection.js";
import { sourceLabels } from "../components/sourceLabels.js";
import { firstLines } from "../components/textExcerpt.js";
import { formatDateSpan } from "../i18n/formatDate.js";
import { h } from "./dom.js";

type Lang = "zh" | "en";
type Text = { zh?: string; en?: string };

/** An event as GET /api/events returns it (the fields a card shows). */
export interface ApiEvent {
  id: string;
  title: Text;
  summary: Text;
  date: { start: string; end: string | null };
  jurisdictions: string[];
  type: string | null;
  bindingness: string | null;
  sources: { note: number | null; url: string | null; publisher: string | null }[];
  /** Present on corrected events only. */
  corrections?: EventCorrection[];
  match?: {
    snippet: { field: "title" | "summary" | "sources"; text: string; marks: [number, number][] } | null;
  };
}

/** What the page tells the script (the search-data block): labels and messages in its language. */
export interface SearchPageData {
  labels: {
    jurisdiction: Record<string, string>;
    level: Record<string, string>;
    type: Record<string, string>;
    bindingness: Record<string, string>;
    /** The tags aigov has names for; others are shown by unnamedTagLabel. */
    tag: Record<string, string>;
  };
  legends: Record<string, string>;
  messages: {
    results: string;
    resultsFor: string;
    none: string;
    removeFilter: string;
    loading: string;
    sources: string;
    pagination: string;
    page: string;
    next: string;
    fallback: Record<Lang, string>;
  };
  separator: string;
  pageSize: number;
}

function picked(text: Text, lang: Lang, data: SearchPageData, content?: (value: string) => string): Node {
  const other: Lang = lang === "zh" ? "en" : "zh";
  const own = text[lang];
  if (own) return document.createTextNode(content ? content(own) : own);
  const theirs = text[other] ?? "";
  const span = document.createDocumentFragment();
  span.append(
    h("span", { lang: other === "zh" ? "zh-CN" : "en" }, content ? content(theirs) : theirs),
    " ",
    h("small", { class: "fallback" }, data.messages.fallback[other]),
  );
  return span;
}

/** A card's correction note, as components/correctionNote.ts writes it for the server's cards. */
function correctionElement(model: CompactCorrection): HTMLElement {
  return h(
    "p",
    { class: "correction-note correction-note--compact", "data-field": model.field },
    h("strong", { class: "correction-note__label" }, model.prefix),
    h("a", { href: model.href, lang: model.textLang === "zh" ? "zh-CN" : "en" }, model.text),
  );
}

/** The same card the server renders (components/eventCard.ts), built from an API event. */
export function renderEventCard(event: ApiEvent, lang: Lang, data: SearchPageData): HTMLElement {
  const href = `/events/${encodeURIComponent(event.id)}?lang=${lang}`;
  const corrections = (event.corrections ?? []).map((c, i) => compactCorrection(c, i, href, lang));
  const notes = (place: CardPlace) => corrections.filter((c) => c.place === place).map(correctionElement);
  const meta = h(
    "p",
    { class: "event-card__meta" },
    h("time", { datetime: event.date.start }, formatDateSpan(event.date, lang)),
    " · ",
  );
  event.jurisdictions.forEach((code, i) => {
    if (i) meta.append(data.separator);
    meta.append(h("abbr", { title: code }, data.labels.jurisdiction[code] ?? code));
  });
  if (event.type) meta.append(" · ", h("span", { class: "tag" }, data.labels.type[event.type] ?? event.type));
  if (event.bindingness)
    meta.append(
      " · ",
      h(
        "span",
        { class: `badge badge--${event.bindingness}` },
        data.labels.bindingness[event.bindingness] ?? event.bindingness,
      ),
    );
  const title = h("h3", { class: "event-card__title" }, h("a", { href }, picked(event.title, lang, data)));
  const snippet = event.match?.snippet;
  let body: HTMLElement | null = null;
  if (snippet) {
    body = h("p", { class: "event-card__snippet" });
    for (const segment of snippetSegments(snippet))
      body.append(segment.marked ? h("mark", {}, segment.text) : segment.text);
  } else if (event.summary.zh || event.summary.en) {
    body = h(
      "p",
      { class: "event-card__summary" },
      picked(event.summary, lang, data, (text) => firstLines(text)),
    );
  }
  let sources: HTMLElement | null = null;
  if (event.sources.length) {
    sources = h(
      "p",
      { class: "event-card__sources" },
      h("span", { class: "visually-hidden" }, `${data.messages.sources}: `),
    );
    const labels = sourceLabels(event.sources);
    event.sources.forEach((source, i) => {
      if (i) sources?.append(" · ");
      const href = httpUrlOrNull(source.url);
      const label = labels[i] ?? "";
      sources?.append(href ? h("a", { href, rel: "noopener noreferrer external" }, label) : label);
    });
  }
  return h(
    "li",
    {},
    h(
      "article",
      { class: "event-card" },
      meta,
      ...notes("meta"),
      title,
      ...notes("title"),
      body,
      ...notes("summary"),
      sources,
    ),
  );
}
