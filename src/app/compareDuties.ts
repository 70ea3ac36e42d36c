import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import { isKnownMarket } from "../domain/checkProfile.js";
import { JurisdictionCode } from "../domain/event.js";
import { Instrument } from "../domain/instrument.js";
import { RequiredLocalizedText } from "../domain/localizedText.js";
import {
  Citation,
  inLawOn,
  type Obligation,
  Obligation as ObligationSchema,
  Role,
  THEMES,
  Theme,
} from "../domain/obligation.js";
import { neutraliseCell } from "../import/csvColumns.js";
import { todayUtc } from "../obligations/deadlines.js";
import { isCheckDate, knownSubdivisions } from "../obligations/profileInput.js";
import { commaList } from "./queryParameters.js";
import { invalidRequest, type InputIssue } from "./appError.js";
import type { AppServices } from "./appServices.js";

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A comma-separated list in one parameter (`j=CN,EU,US-CA`), each value once, in order. */

/**
 * The query of GET /api/compare/duties and its CSV twin: the themes (comma-separated), the jurisdictions
 * (comma-separated; a country also brings its subdivisions; default every jurisdiction with such a duty)
 * and the day (default today, UTC). Each is given once: a repeated one is refused, as everywhere.
 */
export const CompareDutiesQuery = z
  .object({
    theme: commaList(false),
    j: commaList(true).optional(),
    at: z.string().optional(),
  })
  .strict();

/** One duty as the comparison lines it up: who is bound, what must be done, from when, where it says so. */
export const ComparedDuty = z
  .object({
    obligation: z.string(),
    jurisdiction: JurisdictionCode.describe("Where the duty binds (US-CA under a column for US)."),
    nature: ObligationSchema.shape.nature,
    themes: z.array(Theme),
    title: RequiredLocalizedText,
    summary: RequiredLocalizedText,
    roles: z.array(Role),
    kinds: z.array(z.enum(["model", "service"])),
    from: Day,
    transitions: z.array(
      z
        .object({
          kind: z.enum(["start", "deadline"]),
          from: Day,
          label: RequiredLocalizedText,
          article: z.string(),
          url: z.string(),
        })
        .strict(),
    ),
    citation: Citation,
    penalty: RequiredLocalizedText.nullable(),
    instrument: z
      .object({
        id: z.string(),
        title: Instrument.shape.title,
        status: Instrument.shape.status,
        officialUrl: z.string().nullable(),
      })
      .strict(),
  })
  .strict();
export type ComparedDuty = z.output<typeof ComparedDuty>;

/** The answer of GET /api/compare/duties: the duties by theme, then by jurisdiction asked. */
export const DutyComparison = z
  .object({
    at: Day.describe("The day whose law is compared: every version of a duty in law on it."),
    themes: z.array(Theme),
    jurisdictions: z.array(JurisdictionCode),
    count: z.number().int().min(0).describe("Duties listed (one counted once per theme and column)."),
    byTheme: z.array(
      z
        .object({
          theme: Theme,
          jurisdictions: z.array(
            z.object({ jurisdiction: JurisdictionCode, duties: z.array(ComparedDuty) }).strict(),
          ),
        })
        .strict(),
    ),
  })
  .strict();
export type DutyComparison = z.output<typeof DutyComparison>;

/** Whether a duty of `duty` is one of the jurisdiction asked: itself, or a subdivision of a country. */
function reaches(asked: string, duty: string): boolean {
  return duty === asked || (/^[A-Z]{2}$/.test(asked) && duty.startsWith(`${asked}-`));
}

function compared(obligation: Obligation, services: Pick<AppServices, "obligations">): ComparedDuty {
  const instrument = services.obligations.instruments.find((i) => i.id === obligation.instrument);
  return {
    obligation: obligation.id,
    jurisdiction: obligation.jurisdiction,
    nature: obligation.nature,
    themes: obligation.themes,
    title: obligation.title,
    summary: obligation.summary,
    roles: obligation.roles,
    kinds: obligation.kinds,
    from: obligation.from,
    transitions: obligation.transitions.map((t) => ({
      kind: t.kind,
      from: t.from,
      label: t.label,
      article: t.citation.article,
      url: t.citation.url,
    })),
    citation: obligation.citation,
    penalty: obligation.penalty,
    instrument: {
      id: obligation.instrument,
      title: instrument?.title ?? {
        zh: obligation.instrument,
        en: obligation.instrument,
        original: obligation.instrument,
      },
      status: instrument?.status ?? "in-force",
      officialUrl: instrument?.officialUrl ?? null,
    },
  };
}

/** What a comparison's query asks that cannot be answered: unknown themes and jurisdictions, a bad day. */
export interface RefusedComparison {
  noTheme: boolean;
  themes: string[];
  jurisdictions: string[];
  at: boolean;
}

/**
 * The values of a comparison's query that are refused, each named (the API says them in its problem
 * document, the page in the reader's language): a jurisdiction must be one the checker knows as a market.
 */
export function refusedInComparison(
  services: Pick<AppServices, "obligations">,
  query: { themes: readonly string[]; jurisdictions?: readonly string[]; at?: string },
): RefusedComparison {
  const subdivisions = knownSubdivisions(services.obligations);
  return {
    noTheme: query.themes.length === 0,
    themes: query.themes.filter((t) => !Theme.safeParse(t).success),
    jurisdictions: (query.jurisdictions ?? []).filter(
      (code) => !JurisdictionCode.safeParse(code).success || !isKnownMarket(code, subdivisions),
    ),
    at: query.at !== undefined && !isCheckDate(query.at),
  };
}

/**
 * The jurisdictions a comparison can usefully name: those with duties, and the countries of the
 * subdivisions among them (US for US-CA), which bring all of their subdivisions' duties.
 */
export function comparableJurisdictions(services: Pick<AppServices, "obligations">): string[] {
  const codes = new Set(services.obligations.obligations.map((o) => o.jurisdiction));
  for (const code of [...codes]) if (code.includes("-")) codes.add(code.slice(0, 2));
  return [...codes].sort();
}

/**
 * The same kind of duty across jurisdictions: every duty in law on `at` (default today, UTC) that
 * carries one of the themes, in the jurisdictions asked (a country brings its subdivisions; none asked:
 * every jurisdiction with such a duty), grouped by theme, then by jurisdiction. An unknown theme or
 * jurisdiction, or a bad date, is refused naming it, so that an empty column always means "no such duty".
 */
export function compareDuties(
  services: Pick<AppServices, "obligations">,
  query: { themes: readonly string[]; jurisdictions?: readonly string[]; at?: string },
): DutyComparison {
  const data = services.obligations;
  const at = query.at ?? todayUtc();
  const refused = refusedInComparison(services, { ...query, at });
  const issues: InputIssue[] = [];
  if (refused.noTheme)
    issues.push({ parameter: "theme", message: `expected one or more of ${THEMES.join(", ")}` });
  if (refused.themes.length)
    issues.push({
      parameter: "theme",
      message: `unknown theme ${refused.themes.map((t) => `"${t.slice(0, 40)}"`).join(", ")} (expected one of ${THEMES.join(", ")})`,
    });
  if (refused.jurisdictions.length)
    issues.push({
      parameter: "j",
      message: `unknown jurisdiction ${refused.jurisdictions.map((c) => `"${c.slice(0, 20)}"`).join(", ")}`,
    });
  if (refused.at) issues.push({ parameter: "at", message: "expected a date written YYYY-MM-DD" });
  if (issues.length)
    throw invalidRequest(issues.map((i) => `${i.parameter}: ${i.message}`).join("; "), issues);
  const themes = query.themes as Theme[];
  const inLaw = data.obligations.filter(
    (o) => inLawOn(o, at) && o.themes.some((theme) => themes.includes(theme)),
  );
  const jurisdictions = query.jurisdictions?.length
    ? [...query.jurisdictions]
    : [...new Set(inLaw.map((o) => o.jurisdiction))].sort();
  let count = 0;
  const byTheme = themes.map((theme) => ({
    theme,
    jurisdictions: jurisdictions.map((jurisdiction) => {
      const duties = inLaw
        .filter((o) => o.themes.includes(theme) && reaches(jurisdiction, o.jurisdiction))
        .sort(
          (a, b) =>
            a.jurisdiction.localeCompare(b.jurisdiction) ||
            a.from.localeCompare(b.from) ||
            a.id.localeCompare(b.id),
        )
        .map((o) => compared(o, services));
      count += duties.length;
      return { jurisdiction, duties };
    }),
  }));
  return { at, themes, jurisdictions, count, byTheme };
}

const CSV_COLUMNS = [
  "theme",
  "jurisdiction",
  "duty_jurisdiction",
  "obligation",
  "nature",
  "roles",
  "kinds",
  "title_zh",
  "title_en",
  "summary_zh",
  "summary_en",
  "from",
  "transitions",
  "article",
  "url",
  "verification",
  "penalty_zh",
  "penalty_en",
  "instrument",
  "instrument_title_zh",
  "instrument_title_en",
  "instrument_status",
] as const;

/**
 * The comparison as CSV, one row per duty under each theme and jurisdiction asked, every cell made safe
 * for spreadsheets (texts come from the data files: none may reach a spreadsheet as a formula).
 */
export function dutyComparisonCsv(comparison: DutyComparison): string {
  const rows = comparison.byTheme.flatMap(({ theme, jurisdictions }) =>
    jurisdictions.flatMap(({ jurisdiction, duties }) =>
      duties.map((d): Record<(typeof CSV_COLUMNS)[number], string> => ({
        theme,
        jurisdiction,
        duty_jurisdiction: d.jurisdiction,
        obligation: d.obligation,
        nature: d.nature,
        roles: d.roles.join("; "),
        kinds: d.kinds.join("; "),
        title_zh: d.title.zh ?? "",
        title_en: d.title.en ?? "",
        summary_zh: d.summary.zh ?? "",
        summary_en: d.summary.en ?? "",
        from: d.from,
        transitions: d.transitions
          .map((t) => `${t.kind} ${t.from} (${t.article}): ${t.label.en ?? t.label.zh ?? ""}`)
          .join("; "),
        article: d.citation.article,
        url: d.citation.url,
        verification: d.citation.verification,
        penalty_zh: d.penalty?.zh ?? "",
        penalty_en: d.penalty?.en ?? "",
        instrument: d.instrument.id,
        instrument_title_zh: d.instrument.title.zh,
        instrument_title_en: d.instrument.title.en,
        instrument_status: d.instrument.status,
      })),
    ),
  );
  const safe = rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => [key, neutraliseCell(value.replaceAll("\0", ""))]),
    ),
  );
  return stringify(safe, { header: true, columns: [...CSV_COLUMNS], bom: false });
}
