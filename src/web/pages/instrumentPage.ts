import { followLink } from "../components/followLink.js";
import { KIND_LABELS } from "../../domain/profileLabels.js";
import { listSeparator } from "../../domain/languageForms.js";
import { INSTRUMENT_STATUS } from "../components/instrumentStatus.js";
import type { Instrument, InstrumentDate, Verification } from "../../domain/instrument.js";
import type { Language } from "../../domain/localizedText.js";
import type { Obligation } from "../../domain/obligation.js";
import { label } from "../../domain/vocabulary.js";
import { notFound } from "../../app/appError.js";
import { urlsIn } from "../../app/citedLinks.js";
import { failingLinks } from "../../app/links.js";
import { brokenLinkNote } from "../components/brokenLinkNote.js";
import { todayUtc, upcomingDeadlines } from "../../obligations/deadlines.js";
import type { ObligationsData } from "../../reference/obligationsData.js";
import { findEvents } from "../../storage/repos/eventRepo.js";
import { localized, pick } from "../components/localized.js";
import { html, type SafeHtml, unsafeRaw } from "../html.js";
import { formatDate } from "../i18n/formatDate.js";
import { localHref } from "../i18n/localHref.js";
import type { PageRequest, WebPage } from "../webPage.js";
import { eventLink } from "./jurisdictionPage.js";
import { correctionsShown } from "../components/correctionNote.js";
import { isUpcoming } from "../viewModels/jurisdictionFacts.js";
import { linkHtml } from "./obligationViews.js";

/** Words of these pages in both languages (the obligations views keep theirs beside the markup too). */
const WORDS = {
  instruments: { zh: "法律文书", en: "Instruments" },
  intro: {
    zh: "义务检查所依据的法律、法规和标准：标题、编号、日期与状态，每项都注明从何处核实。",
    en: "The laws, regulations and standards behind the obligations check: titles, identifiers, dates and status, each with where it was checked.",
  },
  jurisdiction: { zh: "法域", en: "Jurisdiction" },
  type: { zh: "类型", en: "Type" },
  bindingness: { zh: "约束力", en: "Bindingness" },
  status: { zh: "状态", en: "Status" },
  next: { zh: "下一个日期", en: "Next date" },
  original: { zh: "原文标题", en: "Title in the original" },
  officialText: { zh: "官方文本", en: "Official text" },
  noOfficialText: {
    zh: "未找到官方文本的存档副本（见下方“未能核实”）。",
    en: "No stored copy of the official text was found (see “Not checked” below).",
  },
  dates: { zh: "日期", en: "Dates" },
  identifiers: { zh: "编号", en: "Identifiers" },
  obligations: { zh: "义务", en: "Obligations" },
  noObligations: {
    zh: "aigov 尚未收录此文书的义务。",
    en: "aigov holds no obligations of this instrument yet.",
  },
  from: { zh: "起始", en: "from" },
  penalty: { zh: "罚则", en: "Penalty" },
  events: { zh: "相关事件", en: "Events" },
  amends: { zh: "修改", en: "Amends" },
  amendedBy: { zh: "被修改", en: "Amended by" },
  unknowns: { zh: "未能核实", en: "Not checked" },
  checkedFrom: { zh: "来源", en: "sources" },
  check: { zh: "检查哪些义务适用于您的模型或服务", en: "Check which duties bind your model or service" },
  coverage: { zh: "检查涵盖的部分", en: "What the check covers" },
  modelled: { zh: "已建模", en: "Modelled" },
  nothingModelled: {
    zh: "检查未建模此文书的任何部分",
    en: "no part of this instrument is modelled by the check",
  },
  notModelled: { zh: "已知但未建模", en: "Known and not modelled" },
  coverageLink: { zh: "各法域的涵盖范围", en: "Coverage by jurisdiction" },
} satisfies Record<string, Record<Language, string>>;

const word = (key: keyof typeof WORDS, lang: Language) => WORDS[key][lang];

/** A link to an instrument's page, titled in the page's language. */
export function instrumentLink(instrument: Instrument, lang: Language): SafeHtml {
  return html`<a href="${localHref(`/instruments/${encodeURIComponent(instrument.id)}`, lang)}"
    >${instrument.title[lang]}</a
  >`;
}

/** The note after a link whose last check failed (brokenLinkNote), or nothing. */
type MarkLink = (url: string) => SafeHtml;
const unmarked: MarkLink = () => html``;

/** Numbered links to the pages a fact was read from, each marked when its last check failed. */
export function sourceLinks(urls: string[], mark: MarkLink = unmarked): SafeHtml {
  return html`${urls.map((url, i) => html`${i ? " " : ""}${unsafeRaw(linkHtml(url, `[${i + 1}]`))}${mark(url)}`)}`;
}

function verificationNote(
  verification: Verification,
  urls: string[],
  lang: Language,
  mark: MarkLink = unmarked,
): SafeHtml {
  return html`<span class="muted"
    >${label("verification", verification, lang)}${
      urls.length ? html` · ${word("checkedFrom", lang)} ${sourceLinks(urls, mark)}` : ""
    }</span
  >`;
}

function datesTable(dates: InstrumentDate[], request: PageRequest, mark: MarkLink): SafeHtml {
  const { lang, t } = request;
  const today = todayUtc();
  const sorted = [...dates].sort((a, b) => a.date.localeCompare(b.date));
  return html`<table class="data-table">
    <caption>
      ${word("dates", lang)}
    </caption>
    <tbody>
      ${sorted.map(
        (d) =>
          html`<tr class="${isUpcoming(d.date, today) ? "effective effective--upcoming" : "effective"}">
            <th scope="row"><time datetime="${d.date}">${formatDate(d.date, lang)}</time></th>
            <td>
              ${localized(pick(d.label, lang), t)}<br />${verificationNote(d.verification, d.verifiedFrom, lang, mark)}
              ${d.note ? html`<br /><span class="muted">${localized(pick(d.note, lang), t)}</span>` : ""}
            </td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function obligationItem(obligation: Obligation, request: PageRequest, mark: MarkLink): SafeHtml {
  const { lang, t } = request;
  const penalty = obligation.penalty ? pick(obligation.penalty, lang) : null;
  return html`<li id="${obligation.id}">
    ${unsafeRaw(linkHtml(obligation.citation.url, obligation.citation.article))}${mark(obligation.citation.url)}
    —
    <strong>${localized(pick(obligation.title, lang), t)}</strong>
    <span class="muted"
      >${word("from", lang)} <time datetime="${obligation.from}">${obligation.from}</time> ·
      ${obligation.roles.map((role) => label("role", role, lang)).join(listSeparator(lang))} ·
      ${obligation.kinds.map((kind) => KIND_LABELS[kind][lang]).join(listSeparator(lang))}</span
    >
    <br />${localized(pick(obligation.summary, lang), t)}
    ${penalty ? html`<br /><span>${word("penalty", lang)}: ${localized(penalty, t)}</span>` : ""}
    ${obligation.notes.map((note) => html`<br /><span class="muted">${localized(pick(note, lang), t)}</span>`)}
  </li>`;
}

/** Links to the instruments with these ids (ids aigov does not hold stay as text). */
function instrumentLinks(ids: string[], data: ObligationsData, lang: Language): SafeHtml {
  return html`${ids.map((id, i) => {
    const found = data.instruments.find((x) => x.id === id);
    return html`${i ? ", " : ""}${found ? instrumentLink(found, lang) : id}`;
  })}`;
}

/** Which parts of the instrument the checker models and which it knows and does not, linked to /coverage. */
function coverageLines(instrument: Instrument, data: ObligationsData, request: PageRequest): SafeHtml {
  const { lang, t } = request;
  const entry = data.coverage.find((c) => c.jurisdiction === instrument.jurisdiction);
  const modelled = entry?.modelled.find((m) => m.instrument === instrument.id);
  const gaps = entry?.notModelled.filter((g) => g.instrument === instrument.id) ?? [];
  return html`<h2>${word("coverage", lang)}</h2>
    <p>
      ${word("modelled", lang)}:
      ${modelled ? localized(pick(modelled.parts, lang), t) : word("nothingModelled", lang)}
    </p>
    ${
      gaps.length
        ? html`<p>${word("notModelled", lang)}:</p>
            <ul>
              ${gaps.map((g) => html`<li>${localized(pick(g.title, lang), t)}</li>`)}
            </ul>`
        : ""
    }
    <p>
      <a href="${localHref(`/coverage#${instrument.jurisdiction}`, lang)}">${word("coverageLink", lang)}</a>
    </p>`;
}

/**
 * `/instruments/{id}`: one instrument as a page (the "what takes effect next" list and the check link
 * here): its titles, status, dates and identifiers with where each was checked, the official text, its
 * obligations with their articles, the events that tell its story, and what could not be checked.
 */
export const instrumentPage: WebPage = {
  path: "/instruments/:id",
  nav: "check",
  render: async (request) => {
    const { lang, t, params, context, name } = request;
    const data = request.obligations;
    const id = params.id ?? "";
    const instrument = data.instruments.find((i) => i.id === id);
    if (!instrument) throw notFound(`no instrument with id "${id}"`);
    const obligations = data.obligations.filter((o) => o.instrument === id);
    const amendedBy = data.instruments.filter((i) => i.amends.includes(id)).map((i) => i.id);
    const events = instrument.events.length ? await findEvents(context.db, instrument.events) : [];
    // Links the last check could not open are marked where they are shown, with an archived copy.
    const failing = await failingLinks(
      context,
      [instrument, ...obligations].flatMap((r) => urlsIn(r)),
    );
    const mark: MarkLink = (url) => brokenLinkNote(failing.get(url), request);
    const title = instrument.title[lang];
    const original = instrument.title.original;
    const body = html`<p class="breadcrumb">
        <a href="${localHref("/instruments", lang)}">${word("instruments", lang)}</a>
      </p>
      <h1>${title}</h1>
      ${
        original !== title
          ? html`<p>
              ${word("original", lang)}: <span lang="${instrument.originalLanguage}">${original}</span>
            </p>`
          : ""
      }
      <dl class="event-facts">
        <dt>${word("jurisdiction", lang)}</dt>
        <dd>
          <a href="${localHref(`/jurisdictions/${instrument.jurisdiction}`, lang)}"
            >${name(instrument.jurisdiction, lang)}</a
          >
        </dd>
        <dt>${word("type", lang)}</dt>
        <dd>${label("type", instrument.type, lang)}</dd>
        <dt>${word("bindingness", lang)}</dt>
        <dd>${label("bindingness", instrument.bindingness, lang)}</dd>
        <dt>${word("status", lang)}</dt>
        <dd>
          ${INSTRUMENT_STATUS[instrument.status][lang]}${
            instrument.statusNote ? html` — ${localized(pick(instrument.statusNote, lang), t)}` : ""
          }
        </dd>
        <dt>${word("officialText", lang)}</dt>
        <dd>
          ${
            instrument.officialUrl
              ? html`${unsafeRaw(linkHtml(instrument.officialUrl, instrument.officialUrl))}${mark(instrument.officialUrl)}`
              : word("noOfficialText", lang)
          }
        </dd>
      </dl>
      ${followLink(new URLSearchParams({ instrument: instrument.id }), request)}
      ${instrument.dates.length ? datesTable(instrument.dates, request, mark) : ""}
      ${
        instrument.identifiers.length
          ? html`<h2>${word("identifiers", lang)}</h2>
              <ul class="identifier-list">
                ${instrument.identifiers.map(
                  (i) =>
                    html`<li>
                      <code>${i.scheme}</code> ${i.value}
                      ${verificationNote(i.verification, i.verifiedFrom, lang, mark)}
                      ${i.note ? html`<br /><span class="muted">${localized(pick(i.note, lang), t)}</span>` : ""}
                    </li>`,
                )}
              </ul>`
          : ""
      }
      <h2>${word("obligations", lang)}</h2>
      ${
        obligations.length
          ? html`<ul class="obligation-list">
              ${obligations.map((o) => obligationItem(o, request, mark))}
            </ul>`
          : html`<p class="muted">${word("noObligations", lang)}</p>`
      }
      <p><a href="${localHref("/check", lang)}">${word("check", lang)}</a></p>
      ${
        events.length
          ? html`<h2>${word("events", lang)}</h2>
              <ul>
                ${events.map(
                  (event) =>
                    html`<li>
                      <time datetime="${event.date.start}">${formatDate(event.date.start, lang)}</time>
                      ${eventLink(event, request)} ${correctionsShown(event.id, ["title", "date"], request)}
                    </li>`,
                )}
              </ul>`
          : ""
      }
      ${
        instrument.amends.length
          ? html`<p>${word("amends", lang)}: ${instrumentLinks(instrument.amends, data, lang)}</p>`
          : ""
      }
      ${amendedBy.length ? html`<p>${word("amendedBy", lang)}: ${instrumentLinks(amendedBy, data, lang)}</p>` : ""}
      ${
        instrument.unknowns.length
          ? html`<h2>${word("unknowns", lang)}</h2>
              <ul>
                ${instrument.unknowns.map((u) => html`<li>${localized(pick(u, lang), t)}</li>`)}
              </ul>`
          : ""
      }
      ${coverageLines(instrument, data, request)}
      <p class="muted">
        <a href="/api/instruments/${encodeURIComponent(instrument.id)}">JSON</a>
      </p>`;
    return {
      title,
      body,
      description: `${name(instrument.jurisdiction, lang)} · ${INSTRUMENT_STATUS[instrument.status][lang]}`,
    };
  },
};

/** `/instruments`: every instrument aigov holds, by jurisdiction, with its status and next date. */
export const instrumentsPage: WebPage = {
  path: "/instruments",
  nav: "check",
  render: async (request) => {
    const { lang, name } = request;
    const data = request.obligations;
    const nextDate = new Map<string, string>();
    for (const deadline of upcomingDeadlines(data, todayUtc(), 500))
      if (!nextDate.has(deadline.instrument)) nextDate.set(deadline.instrument, deadline.date);
    const codes = [...new Set(data.instruments.map((i) => i.jurisdiction))].sort((a, b) =>
      name(a, lang).localeCompare(name(b, lang), lang),
    );
    const body = html`<h1>${word("instruments", lang)}</h1>
      <p>${word("intro", lang)}</p>
      <div class="table-scroll" role="region" tabindex="0" aria-label="${word("instruments", lang)}">
        <table class="data-table instrument-table">
          <thead>
            <tr>
              <th scope="col">${word("instruments", lang)}</th>
              <th scope="col">${word("type", lang)}</th>
              <th scope="col">${word("status", lang)}</th>
              <th scope="col">${word("next", lang)}</th>
            </tr>
          </thead>
          ${codes.map(
            (code) =>
              html`<tbody>
                <tr class="group">
                  <th scope="rowgroup" colspan="4">${name(code, lang)}</th>
                </tr>
                ${data.instruments
                  .filter((i) => i.jurisdiction === code)
                  .map((i) => {
                    const next = nextDate.get(i.id);
                    return html`<tr>
                      <td>${instrumentLink(i, lang)}</td>
                      <td>${label("type", i.type, lang)}</td>
                      <td>${INSTRUMENT_STATUS[i.status][lang]}</td>
                      <td>${next ? html`<time datetime="${next}">${formatDate(next, lang)}</time>` : "—"}</td>
                    </tr>`;
                  })}
              </tbody>`,
          )}
        </table>
      </div>
      <p class="muted"><a href="/api/instruments">JSON</a></p>`;
    return { title: word("instruments", lang), body };
  },
};
