import { z } from "zod";
import { isHttpUrl } from "./httpUrl.js";
import { LocalizedText, RequiredLocalizedText } from "./localizedText.js";
import { DatePrecision, dateBounds, PartialDate, precisionOf } from "./partialDate.js";

export const LEVELS = ["international", "regional", "national", "subnational"] as const;
export const EVENT_TYPES = [
  "law",
  "regulation",
  "executive_order",
  "guideline",
  "standard",
  "strategy",
  "declaration",
  "agreement",
  "resolution",
  "report",
  "plan",
  "other",
] as const;
export const BINDINGNESS = ["binding", "voluntary", "draft", "none"] as const;
export const RELATION_KINDS = [
  "revokes",
  "replaces",
  "amends",
  "implements",
  "complements",
  "interprets",
  "updates",
  "follows_up",
  "related",
] as const;

export const Level = z.enum(LEVELS);
export const EventType = z.enum(EVENT_TYPES);
export const Bindingness = z.enum(BINDINGNESS);
export const RelationKind = z.enum(RELATION_KINDS);

/** Stable, URL-safe event id: lowercase letters, digits and single hyphens. */
export const EventId = z
  .string()
  .max(120, "expected an id of at most 120 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "expected a URL-safe id (a-z, 0-9 and single '-')");

/**
 * ISO 3166-1 alpha-2 ("CN"), ISO 3166-2 ("US-CA") or the code of an international body ("EU", "OECD").
 * Bodies are upper-case letters and digits so that they never collide with the two-letter country codes
 * in practice (G7 and G20 being the exceptions the world already lives with).
 */
export const JurisdictionCode = z
  .string()
  .regex(
    /^(?:[A-Z]{2}-[A-Z0-9]{1,3}|[A-Z][A-Z0-9]{1,11})$/,
    "expected an ISO 3166 code (CN, US-CA) or a body code (EU, OECD)",
  );

export const Tag = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "expected a lowercase tag such as 'export-controls'");

/** The stored form of an event's date: start, optional end, and the precision of start. */
export const EventDateShape = z
  .object({ start: PartialDate, end: PartialDate.nullable(), precision: DatePrecision })
  .strict();

/**
 * When an event happened: a partial date with its precision, and an optional end for spans. Input may
 * leave out `end` and `precision` (derived from how `start` is written); output always has both.
 */
export const EventDate = z
  .object({
    start: PartialDate,
    end: PartialDate.nullable().default(null),
    precision: DatePrecision.optional(),
  })
  .strict()
  .transform((date, ctx) => {
    const precision = precisionOf(date.start);
    if (precision === null) return z.NEVER;
    if (date.precision !== undefined && date.precision !== precision) {
      ctx.addIssue({
        code: "custom",
        path: ["precision"],
        message: `expected "${precision}" for start "${date.start}"`,
      });
    }
    if (date.end !== null && dateBounds(date.end).last < dateBounds(date.start).first) {
      ctx.addIssue({ code: "custom", path: ["end"], message: "expected end on or after start" });
    }
    return { start: date.start, end: date.end, precision };
  })
  .pipe(EventDateShape);
export type EventDate = z.output<typeof EventDate>;

/** One footnote of the document the event was read from, or a source added by an editor. */
export const Source = z
  .object({
    note: z.number().int().positive().nullable().default(null),
    // http(s) only (httpUrl.ts): a `javascript:` or `file:` URL in a source would run or reach local files
    // where it is rendered as a link. A URL that does not parse (a port of 99999) fails here too.
    url: z.string().refine(isHttpUrl, "expected an http(s) URL").nullable().default(null),
    publisher: z.string().min(1).nullable().default(null),
    text: z.string().min(1).nullable().default(null),
  })
  .strict();
export type Source = z.output<typeof Source>;

/** A date on which an instrument takes effect or applies, as stated in the event's text. */
export const EffectiveDate = z
  .object({
    date: PartialDate,
    label: LocalizedText.optional(),
  })
  .strict();
export type EffectiveDate = z.output<typeof EffectiveDate>;

/** A typed link to another event, or to an instrument outside the dataset (target null, label set). */
export const Relation = z
  .object({
    kind: RelationKind,
    target: EventId.nullable().default(null),
    label: LocalizedText.optional(),
  })
  .strict()
  .refine((relation) => relation.target !== null || relation.label !== undefined, {
    message: "expected a target event id or a label naming the related instrument",
  });
export type Relation = z.output<typeof Relation>;

/** An official identifier of the instrument: an executive order number, a bill, a standard. */
export const Identifier = z
  .object({ scheme: z.string().regex(/^[a-z0-9-]+$/), value: z.string().min(1) })
  .strict();
export type Identifier = z.output<typeof Identifier>;

/**
 * The event: one dated, sourced happening in AI governance. This schema is the public JSON shape
 * (see shared/contract.md) and is shared by the importers, storage, CLI and HTTP API.
 */
export const Event = z
  .object({
    id: EventId,
    seq: z.number().int().positive().nullable().default(null),
    title: RequiredLocalizedText,
    summary: LocalizedText.default({}),
    date: EventDate,
    jurisdictions: z.array(JurisdictionCode).default([]),
    level: Level.nullable().default(null),
    type: EventType.nullable().default(null),
    bindingness: Bindingness.nullable().default(null),
    tags: z.array(Tag).default([]),
    sources: z.array(Source).default([]),
    effectiveDates: z.array(EffectiveDate).default([]),
    relations: z.array(Relation).default([]),
    identifiers: z.array(Identifier).default([]),
    /** Key of the document (chronicle) the event was imported from, if any. */
    document: z.string().min(1).nullable().default(null),
  })
  .strict();
export type Event = z.output<typeof Event>;
export type EventInput = z.input<typeof Event>;

/** One event whose input failed validation, with every problem as "path: message". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map(String).join(".");
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join("; ");
}
