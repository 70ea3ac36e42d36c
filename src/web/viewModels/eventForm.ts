import { EVENT_LIMITS, Event } from "../../domain/event.js";
import { PATCHABLE_FIELDS, type EventPatch } from "../../domain/proposal.js";
import type { InputIssue } from "../../app/appError.js";

// The edit form of an event as plain strings (what the browser sends back), to and from the event:
// every field of the Event schema but its id, the list fields as rows that can be added and removed.

/** The list fields and the inputs of each of their rows (names as in the form: `sources.0.url`). */
export const ROW_FIELDS = {
  sources: ["note", "url", "publisher", "text"],
  effectiveDates: ["date", "label.zh", "label.en"],
  relations: ["kind", "target", "label.zh", "label.en"],
  identifiers: ["scheme", "value"],
} as const;
export type RowField = keyof typeof ROW_FIELDS;
export const ROW_LIST = Object.keys(ROW_FIELDS) as RowField[];

/** The fields that are one input each. */
export const SINGLE_FIELDS = [
  "title.zh",
  "title.en",
  "summary.zh",
  "summary.en",
  "date.start",
  "date.end",
  "jurisdictions",
  "level",
  "type",
  "bindingness",
  "tags",
  "seq",
  "document",
] as const;
export type SingleField = (typeof SINGLE_FIELDS)[number];

/** One row of a list field: its inputs by name, and whether its "remove" box is ticked. */
export interface FormRow {
  values: Record<string, string>;
  remove: boolean;
}

/** The whole form as the reader sees (or sent) it. */
export interface EventForm {
  single: Record<SingleField, string>;
  rows: Record<RowField, FormRow[]>;
}

const str = (value: unknown): string =>
  value === null || value === undefined ? "" : typeof value === "string" ? value : String(value);

/** The form filled in from an event (one empty row after each list, to add one without a script). */
export function formFromEvent(event: Event): EventForm {
  const label = (l: { zh?: string; en?: string } | undefined) => ({
    "label.zh": l?.zh ?? "",
    "label.en": l?.en ?? "",
  });
  const rows: EventForm["rows"] = {
    sources: event.sources.map((s) => ({
      values: { note: str(s.note), url: str(s.url), publisher: str(s.publisher), text: str(s.text) },
      remove: false,
    })),
    effectiveDates: event.effectiveDates.map((d) => ({
      values: { date: d.date, ...label(d.label) },
      remove: false,
    })),
    relations: event.relations.map((r) => ({
      values: { kind: r.kind, target: str(r.target), ...label(r.label) },
      remove: false,
    })),
    identifiers: event.identifiers.map((i) => ({
      values: { scheme: i.scheme, value: i.value },
      remove: false,
    })),
  };
  for (const field of ROW_LIST) rows[field].push(emptyRow(field));
  return {
    single: {
      "title.zh": event.title.zh ?? "",
      "title.en": event.title.en ?? "",
      "summary.zh": event.summary.zh ?? "",
      "summary.en": event.summary.en ?? "",
      "date.start": event.date.start,
      "date.end": str(event.date.end),
      jurisdictions: event.jurisdictions.join(" "),
      level: str(event.level),
      type: str(event.type),
      bindingness: str(event.bindingness),
      tags: event.tags.join(" "),
      seq: str(event.seq),
      document: str(event.document),
    },
    rows,
  };
}

/** A row with every input empty. */
export function emptyRow(field: RowField): FormRow {
  return { values: Object.fromEntries(ROW_FIELDS[field].map((name) => [name, ""])), remove: false };
}

/** The form as posted. Row numbers past a list's limit are not read (a form cannot make a huge list). */
export function formFromFields(posted: URLSearchParams): EventForm {
  // Browsers send a textarea's line breaks as CRLF (HTML § 4.10.5): read back as the stored LF, so that
  // a summary left as it was is not a change.
  const fields = {
    get: (name: string) => posted.get(name)?.replace(/\r\n?/g, "\n") ?? null,
    keys: () => posted.keys(),
  };
  const single = Object.fromEntries(
    SINGLE_FIELDS.map((name) => [name, (fields.get(name) ?? "").slice(0, 60_000)]),
  ) as Record<SingleField, string>;
  const rows = {} as EventForm["rows"];
  for (const field of ROW_LIST) {
    const most = EVENT_LIMITS[field] + 10;
    let count = 0;
    for (const key of fields.keys()) {
      const match = new RegExp(`^${field}\\.(\\d{1,4})\\.`).exec(key);
      if (match) count = Math.max(count, Math.min(Number(match[1]) + 1, most));
    }
    rows[field] = Array.from({ length: count }, (_, i) => ({
      values: Object.fromEntries(
        ROW_FIELDS[field].map((name) => [name, (fields.get(`${field}.${i}.${name}`) ?? "").slice(0, 10_000)]),
      ),
      remove: fields.get(`${field}.${i}.remove`) === "on",
    }));
  }
  return { single, rows };
}

const blank = (row: FormRow) => Object.values(row.values).every((v) => v.trim() === "");
const orNull = (value: string) => (value.trim() === "" ? null : value.trim());
/** A number field: a whole number as a number, anything else as written (the schema then names it). */
const number = (value: string) =>
  value.trim() === "" ? null : /^\d{1,15}$/.test(value.trim()) ? Number(value) : value;
const words = (value: string) => value.split(/[\s,，、;；]+/).filter(Boolean);
const texts = (zh: string, en: string) => ({
  ...(zh.trim() ? { zh } : {}),
  ...(en.trim() ? { en } : {}),
});
const labelOf = (row: FormRow) => {
  const label = texts(row.values["label.zh"] ?? "", row.values["label.en"] ?? "");
  return Object.keys(label).length ? { label } : {};
};

/** The event a form describes (unchecked), and for each list which form row each item came from. */
export function eventFromForm(
  id: string,
  form: EventForm,
): { input: unknown; rowOf: Record<RowField, number[]> } {
  const rowOf = {} as Record<RowField, number[]>;
  const kept = (field: RowField) => {
    const rows: FormRow[] = [];
    rowOf[field] = [];
    form.rows[field].forEach((row, i) => {
      if (row.remove || blank(row)) return;
      rows.push(row);
      rowOf[field].push(i);
    });
    return rows;
  };
  const s = form.single;
  const input = {
    id,
    seq: number(s.seq),
    title: texts(s["title.zh"], s["title.en"]),
    summary: texts(s["summary.zh"], s["summary.en"]),
    date: { start: s["date.start"].trim(), end: orNull(s["date.end"]) },
    jurisdictions: words(s.jurisdictions),
    level: orNull(s.level),
    type: orNull(s.type),
    bindingness: orNull(s.bindingness),
    tags: words(s.tags),
    sources: kept("sources").map((row) => ({
      note: number(row.values.note ?? ""),
      url: orNull(row.values.url ?? ""),
      publisher: orNull(row.values.publisher ?? ""),
      text: orNull(row.values.text ?? ""),
    })),
    effectiveDates: kept("effectiveDates").map((row) => ({
      date: (row.values.date ?? "").trim(),
      ...labelOf(row),
    })),
    relations: kept("relations").map((row) => ({
      kind: (row.values.kind ?? "").trim(),
      target: orNull(row.values.target ?? ""),
      ...labelOf(row),
    })),
    identifiers: kept("identifiers").map((row) => ({
      scheme: (row.values.scheme ?? "").trim(),
      value: (row.values.value ?? "").trim(),
    })),
    document: orNull(s.document),
  };
  return { input, rowOf };
}

/**
 * The form input a schema issue's path names (`sources.2.url` for the third kept source, which may be
 * the fourth row of the form), so that the message is shown next to it; "" when none does.
 */
export function formFieldOf(path: readonly (string | number)[], rowOf: Record<RowField, number[]>): string {
  const [top, index, ...rest] = path.map(String);
  if (top === undefined) return "";
  if (top in ROW_FIELDS) {
    if (index === undefined) return top;
    const row = rowOf[top as RowField][Number(index)] ?? Number(index);
    const inner = rest.join(".");
    const names: readonly string[] = ROW_FIELDS[top as RowField];
    const name =
      names.find((n) => inner === n || inner.startsWith(`${n}.`)) ??
      (inner.startsWith("label") ? "label.zh" : "");
    return name ? `${top}.${row}.${name}` : `${top}.${row}`;
  }
  if (top === "note") return "note";
  if (top === "jurisdictions" || top === "tags" || top === "seq" || top === "document") return top;
  if (top === "level" || top === "type" || top === "bindingness") return top;
  // A title or summary refused as a whole (neither language given) is shown at its first input.
  if (top === "title" || top === "summary") return `${top}.${index === undefined ? "zh" : index}`;
  if (top === "date") return index === "end" ? "date.end" : "date.start";
  return "";
}

/** Schema issues as messages by form input (those that name none under ""). */
export function formIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  rowOf: Record<RowField, number[]>,
): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  for (const issue of issues) {
    const field = formFieldOf(
      issue.path.map((p) => (typeof p === "number" ? p : String(p))),
      rowOf,
    );
    byField.set(field, [...(byField.get(field) ?? []), issue.message]);
  }
  return byField;
}

/** Use-case issues (`patch.sources.0.url: …`) as messages by form input. */
export function useCaseIssues(
  issues: readonly InputIssue[],
  rowOf: Record<RowField, number[]>,
): Map<string, string[]> {
  return formIssues(
    issues.map((issue) => {
      const path = issue.parameter.split(".").filter(Boolean);
      if (path[0] === "patch") path.shift();
      const parsed = path.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      return { path: parsed, message: issue.message };
    }),
    rowOf,
  );
}

/** The fields of `made` that differ from `current`: the patch a change proposes. */
export function patchOf(current: Event, made: Event): EventPatch {
  const patch: Record<string, unknown> = {};
  for (const key of PATCHABLE_FIELDS)
    if (JSON.stringify(made[key]) !== JSON.stringify(current[key])) patch[key] = made[key];
  return patch as EventPatch;
}
