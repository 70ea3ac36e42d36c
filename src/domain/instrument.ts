import { z } from "zod";
import { EventId, JurisdictionCode } from "./event.js";
import { isHttpUrl } from "./httpUrl.js";
import { RequiredLocalizedText } from "./localizedText.js";
import { PartialDate } from "./partialDate.js";

/** An http(s) URL: the one rule of httpUrl.ts, as a schema. */
export const HttpUrl = z.string().refine(isHttpUrl, { message: "expected an http or https URL" });

/**
 * How a fact was checked: `official` only when read on the issuing body's own site or in its official
 * journal; `secondary` when read elsewhere, a verbatim copy of the official text included (its `note`
 * says so); `unverified` not checked — shown, never hidden.
 */
export const Verification = z.enum(["official", "secondary", "unverified"]);
export type Verification = z.infer<typeof Verification>;

/** One dated fact about an instrument (adopted, in force, applies from…), with where it was read. */
export const InstrumentDate = z
  .object({
    kind: z.enum([
      "proposed",
      "adopted",
      "signed",
      "promulgated",
      "published",
      "in-force",
      "applies",
      "transition-ends",
      "stayed",
      "repealed",
    ]),
    date: PartialDate,
    label: RequiredLocalizedText,
    verification: Verification,
    verifiedFrom: z.array(HttpUrl).min(1, "expected at least one URL the date was read from"),
    /** Why the label is what it is, when the sources alone do not say (a copy of the official text, a derived date). */
    note: RequiredLocalizedText.optional(),
  })
  .strict();
export type InstrumentDate = z.infer<typeof InstrumentDate>;

/** A binding or soft-law instrument as a record: titles, identifiers, dates, status, links. */
export const Instrument = z
  .object({
    id: EventId,
    jurisdiction: JurisdictionCode,
    title: z.object({ zh: z.string().min(1), en: z.string().min(1), original: z.string().min(1) }).strict(),
    originalLanguage: z.string().regex(/^[a-z]{2,3}$/, "expected an ISO 639 language code"),
    type: z.enum(["law", "regulation", "standard", "guideline", "amendment", "executive_order"]),
    bindingness: z.enum(["binding", "voluntary", "draft", "none"]),
    /** `stayed`: a court has suspended it; `repealed`: no longer law (its duties say until when). */
    status: z.enum(["in-force", "adopted", "pending", "proposed", "stayed", "repealed"]),
    statusNote: RequiredLocalizedText.optional(),
    identifiers: z.array(
      z
        .object({
          scheme: z.string().regex(/^[a-z0-9-]+$/),
          value: z.string().min(1),
          verification: Verification,
          verifiedFrom: z.array(HttpUrl),
          /** What the identifier names, or why its label is what it is (as on dates). */
          note: RequiredLocalizedText.optional(),
        })
        .strict(),
    ),
    dates: z.array(InstrumentDate),
    /** The official text, where a stored copy of it was found; else null and said under `unknowns`. */
    officialUrl: HttpUrl.nullable(),
    events: z.array(EventId),
    amends: z.array(EventId).default([]),
    /** What could not be checked, said plainly instead of guessed. */
    unknowns: z.array(RequiredLocalizedText).default([]),
  })
  .strict();
export type Instrument = z.output<typeof Instrument>;
