import { z } from "zod";
import { isHttpUrl } from "./httpUrl.js";
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
  .max(100, "expected a tag of at most 100 characters")
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

/**
 * The most an event's texts may hold, so that one record cannot make the server hold gigabytes or a
 * page hundreds of megabytes. Far above anything a chronicle holds (the seed's longest summary is
 * about 1,500 characters, its longest title 200); see SECURITY.md.
 */
export const EVENT_LIMITS = {
  title: 2_000,
  summary: 50_000,
  label: 1_000,
  sourceText: 4_000,
  publisher: 1_000,
  url: 4_096,
  identifier: 500,
  document: 200,
  sources: 200,
  tags: 100,
  jurisdictions: 300,
  effectiveDates: 100,
  relations: 200,
  identifiers: 100,
} as const;

/** A string of at most `max` characters, with a message that says the limit. */
const bounded = (max: number) =>
  z.string().max(max, `expected at most ${max.toLocaleString("en")} characters`);

/** Text in zh and/or en, each at most `max` characters (the event's own LocalizedText, bounded). */
const EventText = (max: number) =>
  z
    .object({
      zh: bounded(max).trim().min(1, "expected non-empty text").optional(),
      en: bounded(max).trim().min(1, "expected non-empty text").optional(),
    })
    .strict();

/** An array of at most `max` items. */
const upTo = <T extends z.ZodTypeAny>(item: T, max: number) =>
  z.array(item).max(max, `expected at most ${max} items`);

/** One footnote of the document the event was read from, or a source added by an editor. */
export const Source = z
  .object({
    note: z.number().int().positive().nullable().default(null),
    // http(s) only (httpUrl.ts): a `javascript:` or `file:` URL in a source would run or reach local files
    // where it is rendered as a link. A URL that does not parse (a port of 99999) fails here too.
    url: bounded(EVENT_LIMITS.url).refine(isHttpUrl, "expected an http(s) URL").nullable().default(null),
    publisher: bounded(EVENT_LIMITS.publisher).min(1).nullable().default(null),
    text: bounded(EVENT_LIMITS.sourceText).min(1).nullable().default(null),
  })
  .strict();
export type Source = z.output<typeof Source>;

/** A date on which an instrument takes effect or applies, as stated in the event's text. */
export const EffectiveDate = z
  .object({
    date: PartialDate,
    label: EventText(EVENT_LIMITS.label).optional(),
  })
  .strict();
export type EffectiveDate = z.output<typeof EffectiveDate>;

/** A typed link to another event, or to an instrument outside the dataset (target null, label set). */
export const Relation = z
  .object({
    kind: RelationKind,
    target: EventId.nullable().default(null),
    label: EventText(EVENT_LIMITS.label).optional(),
  })
  .strict()
  .refine((relation) => relation.target !== null || relation.label !== undefined, {
    message: "expected a target event id or a label naming the related instrument",
  });
export type Relation = z.output<typeof Relation>;

/** An official identifier of the instrument: an executive order number, a bill, a standard. */
export const Identifier = z
  .object({
    scheme: z
      .string()
      .max(100)
      .regex(/^[a-z0-9-]+$/),
    value: bounded(EVENT_LIMITS.identifier).min(1),
  })
  .strict();
export type Identifier = z.output<typeof Identifier>;

/**
 * The event: one dated, sourced happening in AI governance. This schema is the public JSON shape
 * (see docs/contract.md) and is shared by the importers, storage, CLI and HTTP API.
 */
export const Event = z
  .object({
    id: EventId,
    seq: z.number().int().positive().nullable().default(null),
    title: EventText(EVENT_LIMITS.title).refine((t) => t.zh !== undefined || t.en !== undefined, {
      message: "expected at least one of zh or en",
    }),
    summary: EventText(EVENT_LIMITS.summary).default({}),
    date: EventDate,
    jurisdictions: upTo(JurisdictionCode, EVENT_LIMITS.jurisdictions).default([]),
    level: Level.nullable().default(null),
    type: EventType.nullable().default(null),
    bindingness: Bindingness.nullable().default(null),
    tags: upTo(Tag, EVENT_LIMITS.tags).default([]),
    sources: upTo(Source, EVENT_LIMITS.sources).default([]),
    effectiveDates: upTo(EffectiveDate, EVENT_LIMITS.effectiveDates).default([]),
    relations: upTo(Relation, EVENT_LIMITS.relations).default([]),
    identifiers: upTo(Identifier, EVENT_LIMITS.identifiers).default([]),
    /** Key of the document (chronicle) the event was imported from, if any. */
    document: bounded(EVENT_LIMITS.document).min(1).nullable().default(null),
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
