import { BINDINGNESS, EVENT_TYPES, Event, LEVELS, RELATION_KINDS } from "../../domain/event.js";
import { ProposalNote } from "../../domain/proposal.js";
import { label } from "../../domain/vocabulary.js";
import { AppError, notFound } from "../../app/appError.js";
import { authorize } from "../../app/authorize.js";
import { eventById } from "../../app/events.js";
import { propose } from "../../app/proposals.js";
import { findCurrentRevision } from "../../storage/repos/revisionRepo.js";
import { pick } from "../components/localized.js";
import { html, type SafeHtml } from "../html.js";
import type { MessageKey } from "../i18n/t.js";
import { localHref } from "../i18n/localHref.js";
import {
  emptyRow,
  type EventForm,
  eventFromForm,
  formFromEvent,
  formFromFields,
  formIssues,
  patchOf,
  ROW_FIELDS,
  ROW_LIST,
  type RowField,
  useCaseIssues,
} from "../viewModels/eventForm.js";
import type { FormOutcome, PageRequest, PageResult, WebPage } from "../webPage.js";
import { CSRF_FIELD } from "../webSession.js";
import { actorOf } from "./reviewPage.js";

// The edit form of an event: every field, its sources as rows, and a note saying why. Sending it files
// a change proposal (the fields that differ) against the revision the form was made from.

/** What the form shows besides the values: messages by input, and one above it all. */
interface Shown {
  errors: Map<string, string[]>;
  alert?: string;
  note: string;
  baseRevision: number;
}

const inputId = (name: string) => `f-${name.replace(/\./g, "-")}`;

/** The messages of one input, and the attributes that tie them to it. */
function errorOf(name: string, shown: Shown): { attrs: SafeHtml | string; message: SafeHtml | string } {
  const messages = shown.errors.get(name);
  if (!messages?.length) return { attrs: "", message: "" };
  const id = `${inputId(name)}-error`;
  return {
    attrs: html`aria-invalid="true" aria-describedby="${id}"`,
    message: html`<span id="${id}" class="field-error">${messages.join("; ")}</span>`,
  };
}

/** A labelled text input (or textarea), with its message when it was refused. */
function textInput(
  name: string,
  caption: string,
  value: string,
  shown: Shown,
  options: { long?: boolean; lang?: string; hint?: string; required?: boolean } = {},
): SafeHtml {
  const { attrs, message } = errorOf(name, shown);
  const id = inputId(name);
  const lang = options.lang ? html` lang="${options.lang}"` : "";
  const field = options.long
    ? html`<textarea id="${id}" name="${name}" rows="6" ${lang} ${attrs}>${value}</textarea>`
    : html`<input
        id="${id}"
        type="text"
        name="${name}"
        value="${value}"
        ${lang}
        ${attrs}
        ${options.required ? html`required` : ""}
      />`;
  return html`<p class="field">
    <label for="${id}">${caption}</label>
    ${field} ${options.hint ? html`<span class="hint">${options.hint}</span>` : ""} ${message}
  </p>`;
}

/** A labelled select over a closed vocabulary, with an empty choice (the record does not say). */
function selectInput(
  name: string,
  caption: string,
  value: string,
  choices: { value: string; label: string }[],
  shown: Shown,
  none: string,
): SafeHtml {
  const { attrs, message } = errorOf(name, shown);
  const id = inputId(name);
  return html`<p class="field">
    <label for="${id}">${caption}</label>
    <select id="${id}" name="${name}" ${attrs}>
      <option value="" ${value === "" ? html`selected` : ""}>${none}</option>
      ${choices.map(
        (c) =>
          html`<option value="${c.value}" ${c.value === value ? html`selected` : ""}>${c.label}</option>`,
      )}
    </select>
    ${message}
  </p>`;
}

/** The caption of one input of a list row. */
const ROW_CAPTIONS: Record<string, MessageKey> = {
  note: "form.sourceNote",
  url: "form.sourceUrl",
  publisher: "form.sourcePublisher",
  text: "form.sourceText",
  date: "form.rowDate",
  "label.zh": "form.labelZh",
  "label.en": "form.labelEn",
  kind: "form.relationKind",
  target: "form.relationTarget",
  scheme: "form.identifierScheme",
  value: "form.identifierValue",
};

const LIST_TITLES: Record<RowField, MessageKey> = {
  sources: "event.sources",
  effectiveDates: "event.effectiveDates",
  relations: "event.relations",
  identifiers: "event.identifiers",
};

/** One list field: its rows (each with a "remove" box) and a button that adds a row. */
function rowsFieldset(field: RowField, form: EventForm, shown: Shown, request: PageRequest): SafeHtml {
  const { t } = request;
  const rows = form.rows[field].map((row, i) => {
    const inputs = ROW_FIELDS[field].map((name) => {
      const full = `${field}.${i}.${name}`;
      const caption = t(ROW_CAPTIONS[name] as MessageKey);
      if (field === "relations" && name === "kind")
        return selectInput(
          full,
          caption,
          row.values[name] ?? "",
          RELATION_KINDS.map((k) => ({ value: k, label: t(`relation.${k}`) })),
          shown,
          "—",
        );
      return textInput(full, caption, row.values[name] ?? "", shown, {
        long: name === "text",
        lang: name === "label.zh" ? "zh-Hans" : name === "label.en" ? "en" : undefined,
      });
    });
    const removeId = inputId(`${field}.${i}.remove`);
    const { message } = errorOf(`${field}.${i}`, shown);
    return html`<div class="form-row" data-row="${field}">
      ${inputs}
      <p class="field field--check">
        <input
          id="${removeId}"
          type="checkbox"
          name="${field}.${i}.remove"
          ${row.remove ? html`checked` : ""}
        />
        <label for="${removeId}">${t("form.removeRow")}</label>
      </p>
      ${message}
    </div>`;
  });
  const { message } = errorOf(field, shown);
  return html`<fieldset class="form-rows" id="${inputId(field)}" data-module="form-rows">
    <legend>${t(LIST_TITLES[field])}</legend>
    ${message} ${rows}
    <p>
      <button type="submit" name="action" value="add-${field}" formnovalidate>${t("form.addRow")}</button>
    </p>
  </fieldset>`;
}

/** The whole edit form. */
function editForm(id: string, form: EventForm, shown: Shown, request: PageRequest): SafeHtml {
  const { t, lang } = request;
  const s = form.single;
  const vocabulary = <F extends "level" | "type" | "bindingness">(field: F, values: readonly string[]) =>
    values.map((value) => ({ value, label: label(field, value as never, lang) }));
  const note = errorOf("note", shown);
  const general = shown.errors.get("");
  return html`<form
    method="post"
    action="${localHref(`/events/${id}/edit`, lang)}"
    class="editor-form event-form"
  >
    <input type="hidden" name="${CSRF_FIELD}" value="${request.formToken()}" />
    <input type="hidden" name="baseRevision" value="${String(shown.baseRevision)}" />
    ${shown.alert ? html`<div class="form-error" role="alert"><p>${shown.alert}</p></div>` : ""}
    ${general?.length ? html`<div class="form-error" role="alert"><p>${general.join("; ")}</p></div>` : ""}
    <fieldset>
      <legend>${t("field.title")}</legend>
      <div class="form-languages">
        ${textInput("title.zh", t("form.inZh"), s["title.zh"], shown, { lang: "zh-Hans" })}
        ${textInput("title.en", t("form.inEn"), s["title.en"], shown, { lang: "en" })}
      </div>
    </fieldset>
    <fieldset>
      <legend>${t("event.summary")}</legend>
      <div class="form-languages">
        ${textInput("summary.zh", t("form.inZh"), s["summary.zh"], shown, { long: true, lang: "zh-Hans" })}
        ${textInput("summary.en", t("form.inEn"), s["summary.en"], shown, { long: true, lang: "en" })}
      </div>
    </fieldset>
    <fieldset>
      <legend>${t("event.date")}</legend>
      ${textInput("date.start", t("form.dateStart"), s["date.start"], shown, { hint: t("form.dateHint"), required: true })}
      ${textInput("date.end", t("form.dateEnd"), s["date.end"], shown)}
    </fieldset>
    <fieldset>
      <legend>${t("form.classification")}</legend>
      ${textInput("jurisdictions", t("event.jurisdictions"), s.jurisdictions, shown, { hint: t("form.codesHint") })}
      ${selectInput("level", t("event.level"), s.level, vocabulary("level", LEVELS), shown, t("form.notStated"))}
      ${selectInput("type", t("event.type"), s.type, vocabulary("type", EVENT_TYPES), shown, t("form.notStated"))}
      ${selectInput("bindingness", t("event.bindingness"), s.bindingness, vocabulary("bindingness", BINDINGNESS), shown, t("form.notStated"))}
      ${textInput("tags", t("event.tags"), s.tags, shown, { hint: t("form.tagsHint") })}
    </fieldset>
    ${ROW_LIST.map((field) => rowsFieldset(field, form, shown, request))}
    <fieldset>
      <legend>${t("form.more")}</legend>
      ${textInput("seq", t("field.seq"), s.seq, shown)}
      ${textInput("document", t("field.document"), s.document, shown)}
    </fieldset>
    <p class="field">
      <label for="f-note">${t("form.note")}</label>
      <textarea id="f-note" name="note" rows="3" maxlength="5000" required ${note.attrs}>
${shown.note}</textarea>
      <span class="hint">${t("form.noteHint")}</span> ${note.message}
    </p>
    <p><button type="submit" name="action" value="propose">${t("form.propose")}</button></p>
  </form>`;
}

/** The edit page around the form. */
function editResult(
  request: PageRequest,
  event: Event,
  form: EventForm,
  shown: Shown,
  status = 200,
): PageResult {
  const { t, lang } = request;
  const title = pick(event.title, lang)?.text ?? event.id;
  return {
    status,
    title: t("edit.title", { title }),
    body: html`<h1>${t("edit.title", { title })}</h1>
      <p>${t("edit.intro")}</p>
      <p><a href="${localHref(`/events/${event.id}`, lang)}">${t("edit.back")}</a></p>
      ${editForm(event.id, form, shown, request)}`,
  };
}

/** The event and its current revision, for someone who may propose. */
async function editable(request: PageRequest) {
  authorize(actorOf(request), "propose");
  const id = request.params.id ?? "";
  const { event } = await eventById(request.context, id);
  const current = await findCurrentRevision(request.context.db, event.id);
  if (!current) throw notFound(`no event with id "${id}"`);
  return { event: current.event, revision: current.revision };
}

/** `/events/{id}/edit`: the edit form (contributors and up); its POST files a change proposal. */
export const editEventPage: WebPage = {
  path: "/events/:id/edit",
  nav: null,
  render: async (request) => {
    const { event, revision } = await editable(request);
    return editResult(request, event, formFromEvent(event), {
      errors: new Map(),
      note: "",
      baseRevision: revision,
    });
  },
  submit: async (request, fields): Promise<FormOutcome> => {
    const { t } = request;
    const { event: current, revision } = await editable(request);
    const form = formFromFields(fields);
    const note = (fields.get("note") ?? "").slice(0, 6_000);
    const base = Number(fields.get("baseRevision"));
    const baseRevision = Number.isSafeInteger(base) && base > 0 ? base : revision;
    const shown: Shown = { errors: new Map(), note, baseRevision };
    const action = fields.get("action") ?? "propose";
    const added = ROW_LIST.find((field) => action === `add-${field}`);
    if (added) {
      // "Add a row" without a script: the same form again, one empty row longer, nothing filed.
      form.rows[added].push(emptyRow(added));
      return { page: editResult(request, current, form, shown) };
    }
    const { input, rowOf } = eventFromForm(current.id, form);
    const made = Event.safeParse(input);
    const noteCheck = ProposalNote.safeParse(note);
    if (!made.success || !noteCheck.success) {
      const errors = made.success ? new Map<string, string[]>() : formIssues(made.error.issues, rowOf);
      if (!noteCheck.success) errors.set("note", [t("form.noteRequired")]);
      return { page: editResult(request, current, form, { ...shown, errors }, 400) };
    }
    const patch = patchOf(current, made.data);
    if (!Object.keys(patch).length)
      return { page: editResult(request, current, form, { ...shown, alert: t("form.nothingChanged") }, 400) };
    try {
      const proposal = await propose(request.context, actorOf(request), {
        kind: "change",
        eventId: current.id,
        patch,
        baseRevision,
        note: noteCheck.data,
      });
      return { redirect: localHref(`/proposals/${proposal.id}`, request.lang) };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.kind === "conflict")
        return {
          page: editResult(
            request,
            current,
            form,
            { ...shown, alert: t("form.stale", { detail: error.message }) },
            409,
          ),
        };
      if (error.kind !== "invalid-request") throw error;
      const errors = useCaseIssues(error.issues, rowOf);
      if (!errors.size) errors.set("", [error.message]);
      return { page: editResult(request, current, form, { ...shown, errors }, 400) };
    }
  },
};
