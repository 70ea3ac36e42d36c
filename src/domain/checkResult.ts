import { z } from "zod";
import { CoverageGap } from "./coverage.js";
import { LocalizedText, RequiredLocalizedText } from "./localizedText.js";
import { Citation, Obligation, Theme, Transition } from "./obligation.js";

// The answer of the obligations checker as schemas: obligations/checkObligations.ts builds it, the API
// sends it, the OpenAPI document is generated from these (http/openapi.ts), and the TypeScript types are
// inferred from them, so that the document cannot promise a shape the checker does not build.

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
const TransitionKind = Transition.shape.kind.unwrap();

/** Another date a duty takes for some profiles, told beside the answer when the profile leaves it open. */
export const DateAlternative = z
  .object({
    kind: TransitionKind,
    date: Day.describe("The day: a later start, or the day by which to comply."),
    label: RequiredLocalizedText,
    article: z.string(),
    url: z.string(),
    fields: z
      .array(z.string())
      .describe("The profile fields that would decide whether this date is the one."),
  })
  .strict();
export type DateAlternative = z.output<typeof DateAlternative>;

/** One duty in a check's answer; `reason` and `decidedBy` only where it does not apply. */
export const CheckItem = z
  .object({
    obligation: Obligation.shape.id,
    instrument: Obligation.shape.instrument,
    jurisdiction: Obligation.shape.jurisdiction,
    nature: Obligation.shape.nature,
    themes: z.array(Theme).describe("What the duty is about (labeling, ai-disclosure, frontier-safety, …)."),
    title: RequiredLocalizedText,
    citation: Citation.pick({ article: true, url: true, verification: true }),
    from: Day.describe("The day the duty applies from for this profile (YYYY-MM-DD)."),
    complyBy: Day.optional().describe(
      "A day later than `from` by which this profile must comply (e.g. Art. 111(3) EU AI Act).",
    ),
    penalty: RequiredLocalizedText.nullable().describe(
      "Null where the duty carries no penalty of its own, or its penalty does not reach this profile.",
    ),
    penaltyNotReached: z
      .object({ reason: RequiredLocalizedText, article: z.string() })
      .strict()
      .optional()
      .describe("Why the instrument's penalty does not reach this profile, with the penalty's article."),
    notes: z.array(RequiredLocalizedText),
    transition: z
      .object({ kind: TransitionKind, label: RequiredLocalizedText, article: z.string(), url: z.string() })
      .strict()
      .optional(),
    alternatives: z
      .array(DateAlternative)
      .optional()
      .describe(
        "Dates that other answers to open questions would give (a later start or a compliance deadline).",
      ),
    asProvider: Obligation.shape.developerAsProvider
      .unwrap()
      .optional()
      .describe("A developer counted as the provider because it places the model under its own name."),
    reason: LocalizedText.optional(),
    decidedBy: z.string().optional().describe("The article or rule whose test failed."),
    openBecause: z
      .array(z.string())
      .optional()
      .describe("For open duties: the profile fields that would decide it."),
  })
  .strict()
  .describe(
    "One duty: its id, instrument, jurisdiction, title, citation and start; `reason` where it does not apply.",
  );
export type CheckItem = z.output<typeof CheckItem>;

/** A profile field whose absence left duties open, and the duties it would decide. */
export const MissingField = z.object({ field: z.string(), decides: z.array(z.string()) }).strict();
export type MissingField = z.output<typeof MissingField>;

export const MARKET_VERDICTS = ["binds", "from-date", "open", "does-not-apply", "not-covered"] as const;
/** The verdict for one market, the first thing an answer says about it. */
export const MarketVerdict = z.enum(MARKET_VERDICTS);
export type MarketVerdict = z.output<typeof MarketVerdict>;

/** A penalty said once per instrument and penalty, with the duties it reaches. */
export const MarketPenalty = z
  .object({ instrument: z.string(), penalty: RequiredLocalizedText, obligations: z.array(z.string()) })
  .strict();
export type MarketPenalty = z.output<typeof MarketPenalty>;

/** One market of the profile: its verdict in one line, its duties by place, its questions and penalties. */
export const MarketAnswer = z
  .object({
    jurisdiction: z.string(),
    name: LocalizedText,
    via: z
      .array(z.string())
      .describe('The profile\'s market codes that reach this jurisdiction ("HU" reaches the EU).'),
    verdict: MarketVerdict,
    headline: LocalizedText,
    from: Day.optional().describe('For "from-date": the first day a duty binds.'),
    applies: z.array(z.string()),
    upcoming: z.array(z.string()),
    open: z.array(z.string()),
    notApplicable: z.array(z.string()),
    questions: z.array(z.string()),
    penalties: z.array(MarketPenalty),
    notCovered: z
      .array(CoverageGap)
      .describe(
        "What aigov knows binds in this jurisdiction but does not model (from GET /api/coverage): a short answer is not a complete one.",
      ),
  })
  .strict();
export type MarketAnswer = z.output<typeof MarketAnswer>;

/** A question whose answer would decide open duties: the form field, its label, and the duties' titles. */
export const Question = z
  .object({
    field: z.string(),
    label: LocalizedText,
    question: LocalizedText,
    decides: z
      .array(z.object({ obligation: z.string(), title: LocalizedText }).strict())
      .describe("The duties it would decide, by id and title."),
  })
  .strict();
export type Question = z.output<typeof Question>;

/**
 * The answer of a check. Each duty is in exactly one of `applies`, `upcoming`, `open` (cannot be decided
 * from the profile: `openBecause` names the fields) and `notApplicable` (with the reason and the deciding
 * article). `markets` leads with one verdict per market, `questions` asks for what would decide the rest.
 */
export const CheckResult = z
  .object({
    at: Day,
    applies: z.array(CheckItem),
    upcoming: z.array(CheckItem),
    open: z.array(CheckItem).describe("Duties the profile cannot decide yet, each with `openBecause`."),
    notApplicable: z.array(CheckItem),
    missing: z
      .array(MissingField)
      .describe("Profile fields whose absence left duties open, with the duties each would decide."),
    uncoveredMarkets: z
      .array(z.string())
      .describe("Markets of the profile for which aigov holds no obligations (no answer is not 'no duty')."),
    markets: z
      .array(MarketAnswer)
      .describe(
        "One verdict per market: binds, from-date, open, does-not-apply or not-covered, with a one-line headline.",
      ),
    questions: z
      .array(Question)
      .describe("The missing fields as questions in the form's words, the one deciding most duties first."),
  })
  .strict();
export type CheckResult = z.output<typeof CheckResult>;
