import type { CorrectedField } from "../../domain/correction.js";
import type { Event } from "../../domain/event.js";
import { httpUrlOrNull } from "../../domain/httpUrl.js";
import type { Language } from "../../domain/localizedText.js";
import { languageTag, listSeparator, otherLanguage } from "../../domain/languageForms.js";
import { label, tagLabel } from "../../domain/vocabulary.js";
import { roleMay } from "../../domain/account.js";
import type { EventCorrection } from "../../domain/correctionsByEvent.js";
import { notFound } from "../../app/appError.js";
import { eventById } from "../../app/events.js";
import { eventRevision } from "../../app/history.js";
import { failingLinks } from "../../app/links.js";
import { findEvents } from "../../storage/repos/eventRepo.js";
import { findRevision, listRevisions, type StoredRevision } from "../../storage/repos/revisionRepo.js";
import { brokenLinkNote } from "../components/brokenLinkNote.js";
import { correctionNote } from "../components/correctionNote.js";
import { eventHistory } from "../components/eventHistory.js";
import { instrumentsWithDates } from "../components/instrumentDates.js";
import { jsonScript } from "../components/jsonScript.js";
import { localized, pick } from "../components/localized.js";
import { richText } from "../components/richText.js";
import { firstLines } from "../components/textExcerpt.js";
import { html, type SafeHtml } from "../html.js";
import { formatDate, formatDateSpan } from "../i18n/formatDate.js";
import { localHref } from "../i18n/localHref.js";
import { eventCsl, formattedCitation } from "../viewModels/eventCitation.js";
import type { PageRequest, PageResult, WebPage } from "../webPage.js";

/** Types that are instruments of law: schema.org Legislation fits them. */
const LEGISLATION = new Set(["law", "regulation", "executive_order"]);
const LANGUAGE_NAMES: Record<Language, string> = { zh: "中文", en: "English" };

function jsonLd(event: Event, request: PageRequest, canonical: string, modified: string | null): object {
  const { lang, name } = request;
  const title = pick(event.title, lang)?.text ?? event.id;
  const other = pick(event.title, otherLanguage(lang));
  const summary = pick(event.summary, lang);
  const places = event.jurisdictions.map((code) => ({
    "@type": "AdministrativeArea",
    name: name(code, lang),
    identifier: code,
  }));
  const citations = event.sources.map((s) => httpUrlOrNull(s.url)).filter((u): u is string => u !== null);
  const base = {
    "@context": "https://schema.org",
    "@id": canonical,
    url: canonical,
    name: title,
    ...(other && other.text !== title ? { alternateName: other.text } : {}),
    ...(summary ? { description: firstLines(summary.text, 300) } : {}),
    inLanguage: (["zh", "en"] as const).filter((l) => event.title[l] || event.summary[l]),
    keywords: event.tags.join(", "),
    ...(citations.length ? { citation: citations } : {}),
    ...(event.identifiers.length
      ? {
          identifier: event.identifiers.map((i) => ({
            "@type": "PropertyValue",
            propertyID: i.scheme,
            value: i.value,
          })),
        }
      : {}),
    ...(modified ? { dateModified: modified } : {}),
  };
  if (event.type && LEGISLATION.has(event.type))
    return {
      ...base,
      "@type": "Legislation",
      legislationDate: event.date.start,
      legislationJurisdiction: places,
      legislationType: label("type", event.type, request.lang),
      ...(event.effectiveDates[0] ? { legislationDateVersion: event.effectiveDates[0].date } : {}),
    };
  return { ...base, "@type": "CreativeWork", datePublished: event.date.start, spatialCoverage: places };
}

/** The notes of an event's corrections of one field, to be placed right after that field. */
type NotesOf = (field: CorrectedField) => SafeHtml[];

function facts(event: Event, request: PageRequest, notes: NotesOf): SafeHtml {
  const { t, lang, name } = request;
  // A row whose field is corrected is shown even when the imported value is empty: the correction
  // may be that there is one.
  const row = (label: string, value: SafeHtml | string, field?: CorrectedField) =>
    html`<dt>${label}</dt>
      <dd>${value}${field ? notes(field) : ""}</dd>`;
  const shown = (present: unknown, field: CorrectedField) => Boolean(present) || notes(field).length > 0;
  const sep = listSeparator(lang);
  return html`<dl class="event-facts">
    ${row(t("event.date"), html`<time datetime="${event.date.start}">${formatDateSpan(event.date, lang)}</time>`, "date")}
    ${
      shown(event.jurisdictions.length, "jurisdictions")
        ? row(
            t("event.jurisdictions"),
            html`${event.jurisdictions.map(
              (code, i) =>
                html`${i ? sep : ""}<a href="${localHref("/search", lang, { jurisdiction: code })}"
                    ><abbr title="${code}">${name(code, lang)}</abbr></a
                  >`,
            )}`,
            "jurisdictions",
          )
        : ""
    }
    ${shown(event.level, "level") ? row(t("event.level"), event.level ? label("level", event.level, lang) : "—", "level") : ""}
    ${shown(event.type, "type") ? row(t("event.type"), event.type ? label("type", event.type, lang) : "—", "type") : ""}
    ${
      shown(event.bindingness, "bindingness")
        ? row(
            t("event.bindingness"),
            event.bindingness
              ? html`<span class="badge badge--${event.bindingness}"
                  >${label("bindingness", event.bindingness, lang)}</span
                >`
              : "—",
            "bindingness",
          )
        : ""
    }
    ${
      shown(event.effectiveDates.length, "effectiveDates")
        ? row(
            t("event.effectiveDates"),
            event.effectiveDates.length
              ? html`<ul class="plain-list">
                  ${event.effectiveDates.map(
                    (d) =>
                      html`<li>
                        <time datetime="${d.date}">${formatDate(d.date, lang)}</time
                        >${d.label ? html` — ${localized(pick(d.label, lang), t)}` : ""}
                      </li>`,
                  )}
                </ul>`
              : "—",
            "effectiveDates",
          )
        : ""
    }
    ${
      event.tags.length
        ? row(
            t("event.tags"),
            html`${event.tags.map((tag, i) => html`${i ? " · " : ""}<a href="${localHref("/search", lang, { tag })}">${tagLabel(tag, lang)}</a>`)}`,
          )
        : ""
    }
  </dl>`;
}

/** The edit, suggest and follow links of the current version: edit for contributors and up, the others for anyone. */
function editorLinks(event: Event, request: PageRequest): SafeHtml {
  const { t, lang, session } = request;
  const edit =
    session && roleMay(session.actor.role, "propose")
      ? html`<a class="button" href="${localHref(`/events/${event.id}/edit`, lang)}">${t("event.edit")}</a>`
      : "";
  return html`<p class="event-actions no-print">
    ${edit}
    <a href="${localHref(`/events/${event.id}/suggest`, lang)}">${t("event.suggest")}</a>
    <a href="${localHref(`/subscriptions?event=${event.id}`, lang)}">${t("subscriptions.follow")}</a>
  </p>`;
}

/**
 * One event as a page: the current version (with its corrections, the edit and suggest links), or a
 * past revision, clearly marked as such and linking to the current one.
 */
export async function eventView(
  request: PageRequest,
  event: Event,
  corrections: readonly EventCorrection[],
  past: StoredRevision | null,
): Promise<PageResult> {
  const { t, lang, context, url } = request;
  const id = event.id;
  const revisions = await listRevisions(context.db, id);
  const targets = event.relations.map((r) => r.target).filter((x): x is string => x !== null);
  const related = new Map(
    (targets.length ? await findEvents(context.db, targets) : []).map((e) => [e.id, e]),
  );

  const title = pick(event.title, lang) ?? { text: event.id, lang, fallback: false };
  const otherLang: Language = otherLanguage(lang);
  const otherTitle = event.title[otherLang];
  const ownPath = past ? `/events/${id}/revisions/${past.revision}` : `/events/${id}`;
  const canonical = `${url.origin}${localHref(ownPath, lang)}`;
  // What a citation names: the revision shown (the newest, or the past one asked for).
  const latest = past ?? revisions[revisions.length - 1];
  const summaryPicked = pick(event.summary, lang);
  // Each correction sits right after the field it corrects; its number is its anchor, which cards link to.
  const notes: NotesOf = (field) =>
    corrections.flatMap((c, i) => (c.field === field ? [correctionNote(c, i, lang)] : []));

  const summaries = ([lang, otherLang] as const)
    .filter((l) => event.summary[l])
    .map(
      (l) =>
        html`<section class="summary-text" lang="${languageTag(l)}" aria-labelledby="summary-${l}">
          <h2 id="summary-${l}">${t("event.summary")} · ${LANGUAGE_NAMES[l]}</h2>
          ${richText(event.summary[l] ?? "")}
        </section>`,
    );

  // A source whose last link check failed is marked, with the archived copy of the day it was cited.
  const sourceUrls = event.sources.map((s) => httpUrlOrNull(s.url)).filter((u): u is string => u !== null);
  const failing = await failingLinks(context, sourceUrls);
  const sources = event.sources.length
    ? html`<section aria-labelledby="sources">
        <h2 id="sources">${t("event.sources")}</h2>
        <ol class="footnotes">
          ${event.sources.map((source, i) => {
            const href = httpUrlOrNull(source.url);
            const n = source.note ?? i + 1;
            return html`<li id="fn-${n}" value="${n}">
              ${source.publisher ? html`<span class="publisher">${source.publisher}</span>. ` : ""}
              ${href ? html`<a href="${href}" rel="noopener noreferrer external">${href}</a>${brokenLinkNote(failing.get(href), request)}` : html`<span>${source.text ?? t("event.noSource")}</span>`}
            </li>`;
          })}
        </ol>
      </section>`
    : "";

  const relations = event.relations.length
    ? html`<section aria-labelledby="relations">
        <h2 id="relations">${t("event.relations")}</h2>
        <ul class="related-list">
          ${event.relations.map((relation) => {
            const target = relation.target ? related.get(relation.target) : undefined;
            const label = pick(relation.label, lang);
            const body = target
              ? html`<a href="${localHref(`/events/${target.id}`, lang)}"
                    >${localized(pick(target.title, lang), t)}</a
                  >
                  (${formatDateSpan(target.date, lang)})`
              : html`${label ? localized(label, t) : relation.target}
                  <span class="count">(${t("event.outside")})</span>`;
            return html`<li>${t(`relation.${relation.kind}`)}: ${body}</li>`;
          })}
        </ul>
      </section>`
    : "";

  const identifiers = event.identifiers.length
    ? html`<section aria-labelledby="identifiers">
        <h2 id="identifiers">${t("event.identifiers")}</h2>
        <dl class="event-facts">
          ${event.identifiers.map(
            (i) =>
              html`<dt>${i.scheme}</dt>
                <dd><code>${i.value}</code></dd>`,
          )}
        </dl>
      </section>`
    : "";

  // The instruments this event is part of the story of, with their verified dates and duties.
  const { instruments: allInstruments, obligations } = context.obligations;
  const concerned = allInstruments.filter((instrument) => instrument.events.includes(id));
  const instruments = concerned.length
    ? html`<section aria-labelledby="instruments">
        <h2 id="instruments">${t("event.instruments")}</h2>
        ${instrumentsWithDates(concerned, obligations, request, context.now().slice(0, 10))}
      </section>`
    : "";

  const jurisdictionNames = event.jurisdictions.map((c) => request.name(c, lang)).join(listSeparator(lang));
  const revisionNote = latest
    ? t("event.revisionNote", { revision: String(latest.revision), date: latest.changedAt.slice(0, 10) })
    : null;
  const citation = formattedCitation({
    title: title.text,
    date: formatDateSpan(event.date, lang),
    jurisdictions: jurisdictionNames,
    url: canonical,
    revision: revisionNote,
    lang,
  });
  const csl = eventCsl(
    event,
    lang,
    canonical,
    latest ? { n: latest.revision, date: latest.changedAt.slice(0, 10) } : null,
    request.corrections,
  );

  const history = eventHistory(id, revisions, request, past?.revision ?? null);
  // A past version says so before anything else, with when it was made and the way to the current one.
  const pastBanner = past
    ? html`<div class="past-version" role="note">
        <p>
          <strong>${t("past.title", { n: past.revision })}</strong>
          ${t("past.when", { date: formatDate(past.changedAt.slice(0, 10), lang) })}
        </p>
        <p>
          ${past.removed ? html`${t("past.removed")} ` : ""}
          <a href="${localHref(`/events/${id}`, lang)}">${t("past.current")}</a>
        </p>
      </div>`
    : "";

  return {
    title: title.text,
    description: summaryPicked ? firstLines(summaryPicked.text, 200) : undefined,
    canonicalPath: ownPath,
    head: past
      ? html`<meta name="robots" content="noindex" />`
      : html`<meta property="og:type" content="article" />
          ${jsonScript("application/ld+json", jsonLd(event, request, canonical, latest?.changedAt ?? null))}`,
    body: html`${pastBanner}
      <article class="event-page${past ? " event-page--past" : ""}">
        <p class="event-card__meta">
          <a href="${localHref(`/chronicle/${event.date.start.slice(0, 4)}`, lang)}"
            >${t("nav.chronicle")} ${event.date.start.slice(0, 4)}</a
          >
        </p>
        <h1>${localized(title, t)}</h1>
        ${otherTitle && otherTitle !== title.text ? html`<p class="title-other" lang="${languageTag(otherLang)}">${otherTitle}</p>` : ""}
        ${past ? "" : editorLinks(event, request)} ${notes("title")} ${facts(event, request, notes)}
        <div class="summaries">${summaries}</div>
        ${notes("summary")} ${instruments} ${sources} ${relations} ${identifiers}
        <section class="cite" aria-labelledby="cite">
          <h2 id="cite">${t("event.cite")}</h2>
          <p>${citation}</p>
          <details>
            <summary>${t("event.citeCsl")}</summary>
            <pre><code>${JSON.stringify(csl, null, 2)}</code></pre>
          </details>
        </section>
        ${history}
        <p class="no-print">
          <a
            href="/api/events/${event.id}${past ? `/revisions/${past.revision}` : ""}"
            type="application/json"
            >${t("event.json")}</a
          >
        </p>
      </article>`,
  };
}

/** `/events/{id}`: one event with everything known about it, in both languages. */
export const eventPage: WebPage = {
  path: "/events/:id",
  nav: null,
  render: async (request) => {
    const { event, corrections } = await eventById(request.context, request.params.id ?? "");
    return eventView(request, event, corrections, null);
  },
};

/** `/events/{id}/revisions/{n}`: the event as one revision left it, marked as a past version. */
export const revisionPage: WebPage = {
  path: "/events/:id/revisions/:n",
  nav: null,
  render: async (request) => {
    const id = request.params.id ?? "";
    const raw = request.params.n ?? "";
    const n = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
    const { event } = await eventRevision(request.context, id, n);
    const past = await findRevision(request.context.db, id, n);
    if (!past) throw notFound(`event "${id}" has no revision ${raw}`);
    // A removal leaves the version the event last had: shown as it was, marked as removed.
    const shown = event ?? past.event;
    // Corrections are notes on the current record; a past version is shown as it was published.
    return eventView(request, shown, [], past);
  },
};
