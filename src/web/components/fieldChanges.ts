import type { Event } from "../../domain/event.js";
import type { FieldChange } from "../../domain/eventDiff.js";
import { languageTag } from "../../domain/languageForms.js";
import type { Language } from "../../domain/localizedText.js";
import { label, tagLabel } from "../../domain/vocabulary.js";
import { html, type SafeHtml } from "../html.js";
import type { MessageKey } from "../i18n/t.js";
import type { PageRequest } from "../webPage.js";
import { textDiff } from "./textDiff.js";

// A difference of two versions of an event as a reviewer reads it: each changed field with what was
// removed struck through and what was added underlined, title and summary in both languages side by side.

/** Each field's name in the catalog. */
export const FIELD_LABELS: Record<string, MessageKey> = {
  title: "field.title",
  summary: "event.summary",
  date: "event.date",
  jurisdictions: "event.jurisdictions",
  level: "event.level",
  type: "event.type",
  bindingness: "event.bindingness",
  tags: "event.tags",
  sources: "event.sources",
  effectiveDates: "event.effectiveDates",
  relations: "event.relations",
  identifiers: "event.identifiers",
  seq: "field.seq",
  document: "field.document",
  id: "field.id",
};

type Request = Pick<PageRequest, "t" | "lang" | "name">;

const text = (value: unknown): string | null => (typeof value === "string" ? value : null);
const localizedLabel = (value: unknown, lang: Language): string => {
  const words = value as { zh?: string; en?: string } | undefined;
  return words?.[lang] ?? words?.zh ?? words?.en ?? "";
};

/** One item of a list field (or a scalar field's value) as one line of text. */
function itemText(field: string, value: unknown, request: Request): string {
  const { lang, name } = request;
  if (value === null || value === undefined) return "—";
  const item = value as Record<string, unknown>;
  switch (field) {
    case "level":
    case "type":
    case "bindingness":
      return label(field, value as never, lang);
    case "tags":
      return tagLabel(String(value), lang);
    case "jurisdictions":
      return `${name(String(value), lang)} (${String(value)})`;
    case "date": {
      const date = item as { start: string; end: string | null };
      return date.end ? `${date.start} – ${date.end}` : date.start;
    }
    case "sources":
      return [item.note === null ? null : `[${String(item.note)}]`, item.publisher, item.url, item.text]
        .filter((part) => part !== null && part !== undefined)
        .join(" · ");
    case "effectiveDates":
      return [item.date, localizedLabel(item.label, lang)].filter(Boolean).join(" — ");
    case "relations":
      return [item.kind, item.target ?? localizedLabel(item.label, lang)].filter(Boolean).join(" → ");
    case "identifiers":
      return `${String(item.scheme)}: ${String(item.value)}`;
    default:
      return typeof value === "string" ? value : JSON.stringify(value);
  }
}

/** A list field: the items only before struck through, those only after marked as added. */
function listSides(field: string, before: unknown[], after: unknown[], request: Request) {
  const key = (item: unknown) => JSON.stringify(item);
  const had = new Set(before.map(key));
  const has = new Set(after.map(key));
  const side = (items: unknown[], other: Set<string>, tag: "del" | "ins") =>
    items.length
      ? html`<ul class="plain-list">
          ${items.map((item) => {
            const line = itemText(field, item, request);
            if (other.has(key(item))) return html`<li>${line}</li>`;
            return tag === "del" ? html`<li><del>${line}</del></li>` : html`<li><ins>${line}</ins></li>`;
          })}
        </ul>`
      : html`—`;
  return { before: side(before, has, "del"), after: side(after, had, "ins") };
}

/** The two sides of one changed field. */
function sides(change: FieldChange, request: Request): { before: SafeHtml; after: SafeHtml } {
  const { field, before, after } = change;
  if (Array.isArray(before) || Array.isArray(after))
    return listSides(field, (before as unknown[] | null) ?? [], (after as unknown[] | null) ?? [], request);
  if (field === "document" || typeof before === "string" || typeof after === "string") {
    const diff = textDiff(text(before), text(after), languageTag(request.lang));
    return { before: diff.before ?? html`—`, after: diff.after ?? html`—` };
  }
  const shown = (value: unknown, tag: "del" | "ins") => {
    if (value === null) return html`—`;
    const line = itemText(field, value, request);
    return tag === "del" ? html`<del>${line}</del>` : html`<ins>${line}</ins>`;
  };
  return { before: shown(before, "del"), after: shown(after, "ins") };
}

/** Title or summary: zh and en side by side, each language's change (or its text, unchanged). */
function bilingualRow(
  field: "title" | "summary",
  changes: FieldChange[],
  reference: Event | null,
  request: Request,
): SafeHtml {
  const { t } = request;
  const columns = (["zh", "en"] as const).map((lang) => {
    const change = changes.find((c) => c.field === `${field}.${lang}`);
    const heading = html`<h4>${t(`lang.${lang}`)}</h4>`;
    if (!change) {
      const current = reference?.[field][lang];
      return html`<div class="diff-lang" lang="${languageTag(lang)}">
        ${heading}
        <p class="diff-unchanged">${t("diff.unchanged")}${current ? html`: ${current}` : ""}</p>
      </div>`;
    }
    const diff = textDiff(text(change.before), text(change.after), languageTag(lang));
    return html`<div class="diff-lang" lang="${languageTag(lang)}">
      ${heading}
      <p class="diff-before"><span class="diff-side">${t("diff.before")}</span> ${diff.before ?? "—"}</p>
      <p class="diff-after"><span class="diff-side">${t("diff.after")}</span> ${diff.after ?? "—"}</p>
    </div>`;
  });
  return html`<tr data-field="${field}">
    <th scope="row">${t(FIELD_LABELS[field] as MessageKey)}</th>
    <td colspan="2"><div class="diff-languages">${columns}</div></td>
  </tr>`;
}

/**
 * The changes of a proposal or between two revisions, as a table of fields with their before and
 * after; `reference` is the version that shows the unchanged language of a title or summary.
 */
export function fieldChanges(changes: FieldChange[], request: Request, reference: Event | null): SafeHtml {
  const { t } = request;
  if (!changes.length) return html`<p class="diff-none">${t("diff.none")}</p>`;
  const rows: SafeHtml[] = [];
  const done = new Set<string>();
  for (const change of changes) {
    const [top = change.field] = change.field.split(".");
    if (top === "title" || top === "summary") {
      if (done.has(top)) continue;
      done.add(top);
      rows.push(bilingualRow(top, changes, reference, request));
      continue;
    }
    const { before, after } = sides(change, request);
    const name = FIELD_LABELS[top] ? t(FIELD_LABELS[top] as MessageKey) : change.field;
    rows.push(
      html`<tr data-field="${change.field}">
        <th scope="row">${name}</th>
        <td class="diff-before">${before}</td>
        <td class="diff-after">${after}</td>
      </tr>`,
    );
  }
  return html`<table class="diff-table">
    <thead>
      <tr>
        <th scope="col">${t("diff.field")}</th>
        <th scope="col">${t("diff.before")}</th>
        <th scope="col">${t("diff.after")}</th>
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}
