import { articleLabel } from "../domain/articleLabel.js";
import { type Language, type LocalizedText, pickText } from "../domain/localizedText.js";
import { fieldLabel, PROFILE_FIELD_LABELS, VERIFICATION_LABELS } from "../domain/profileLabels.js";
import type { CheckItem, CheckResult, DateAlternative } from "./checkObligations.js";
import { CHECK_PHRASES } from "./checkPhrases.js";
import { joinList } from "../domain/languageForms.js";
import { longDate, type MarketAnswer, type MarketVerdict } from "./marketAnswers.js";
import type { ObligationsData } from "../reference/obligationsData.js";

/**
 * A check's answer as a person reads it, in one language, as plain strings: the CLI prints it as text
 * and the web page renders it as HTML, so that both say the same thing in the same order. Nothing here
 * is escaped; the page escapes what it renders.
 */

export type DutyPlace = "applies" | "upcoming" | "open" | "notApplicable";

/** One duty: its title first, then where the law says it, from when, and what else to know. */
export interface DutyView {
  obligation: string;
  title: string;
  cooperationOnly: boolean;
  article: string;
  url: string;
  verification: string;
  instrument: { id: string; title: string };
  /** "from 2 August 2025", "comply by 2 August 2027 (Art. 111(3)): …" and alternatives, one line each. */
  dates: string[];
  /** Why it does not apply, with the deciding article; for open duties, what it depends on. */
  why?: string;
  penaltyNotReached?: string;
}

export interface QuestionView {
  field: string;
  label: string;
  question: string;
  decides: string[];
}

export interface MarketView {
  jurisdiction: string;
  name: string;
  via: string[];
  verdict: MarketVerdict;
  headline: string;
  /** `shared`: alternative dates that hold for every duty of the section, said once instead of on each. */
  sections: { place: DutyPlace; heading: string; duties: DutyView[]; shared: string[] }[];
  questions: QuestionView[];
  penalties: { instrument: string; text: string; articles: string[] }[];
  notes: string[];
  /** Known and not modelled here: title, whom it reaches, since when, and how that was checked. */
  notCovered: {
    title: string;
    reaches: string;
    since: string | null;
    verification: string;
    sources: string[];
  }[];
}

export interface CheckView {
  at: string;
  markets: MarketView[];
  questions: QuestionView[];
  /** Duties of markets the profile does not name: counted per jurisdiction, listed apart. */
  outside: { jurisdictions: string[]; duties: DutyView[] };
}

const text = (value: LocalizedText | undefined, lang: Language) => (value && pickText(value, lang)) ?? "";

const HEADINGS: Record<DutyPlace, Required<LocalizedText>> = {
  applies: { zh: "现在即约束您", en: "Binds you now" },
  upcoming: { zh: "将来约束您", en: "Binds you from a later date" },
  open: { zh: "尚无法判定", en: "Cannot be decided yet" },
  notApplicable: { zh: "不适用", en: "Does not apply" },
};

function alternativeLine(alternative: DateAlternative, lang: Language): string {
  const p = CHECK_PHRASES[lang];
  const fields = joinList(
    alternative.fields.map((f) => text(fieldLabel(f), lang)),
    lang,
  );
  const article = articleLabel(alternative.article, lang);
  const day = longDate(alternative.date, lang);
  // The date and what it means first; the data's label then says for whom, with the article.
  const what = alternative.kind === "deadline" ? p.complyBy(day) : p.appliesFrom(day);
  return p.alternative(what, article, text(alternative.label, lang), fields);
}

function dateLines(item: CheckItem, place: DutyPlace, lang: Language): string[] {
  const p = CHECK_PHRASES[lang];
  if (place === "notApplicable") return [];
  const lines: string[] = [];
  const from = longDate(item.from, lang);
  lines.push(place === "open" ? p.fromIfApplies(from) : p.from(from));
  if (item.transition) {
    const article = articleLabel(item.transition.article, lang);
    if (item.transition.kind === "deadline" && item.complyBy)
      lines.push(p.deadline(longDate(item.complyBy, lang), article, text(item.transition.label, lang)));
    else lines.push(p.transition(text(item.transition.label, lang), article));
  }
  for (const alternative of item.alternatives ?? []) lines.push(alternativeLine(alternative, lang));
  if (item.asProvider)
    lines.push(
      p.asProvider(item.asProvider.article, VERIFICATION_LABELS[item.asProvider.verification][lang]),
    );
  return lines;
}

function dutyView(item: CheckItem, place: DutyPlace, data: ObligationsData, lang: Language): DutyView {
  const p = CHECK_PHRASES[lang];
  const instrument = data.instruments.find((i) => i.id === item.instrument);
  const view: DutyView = {
    obligation: item.obligation,
    title: text(item.title, lang),
    cooperationOnly: item.nature === "cooperation",
    article: articleLabel(item.citation.article, lang),
    url: item.citation.url,
    verification: text(
      VERIFICATION_LABELS[item.citation.verification as keyof typeof VERIFICATION_LABELS],
      lang,
    ),
    instrument: { id: item.instrument, title: instrument ? text(instrument.title, lang) : item.instrument },
    dates: dateLines(item, place, lang),
  };
  if (place === "notApplicable" && item.reason)
    view.why = p.notApplicable(text(item.reason, lang), articleLabel(item.decidedBy ?? "", lang));
  if (place === "open" && item.openBecause?.length)
    view.why = `${p.dependsOn}${joinList(
      item.openBecause.map((f) => text(fieldLabel(f), lang)),
      lang,
    )}`;
  if (item.penaltyNotReached && place !== "notApplicable")
    view.penaltyNotReached = `${p.noPenalty}${text(item.penaltyNotReached.reason, lang)}`;
  return view;
}

function questionView(field: string, decides: string[], lang: Language): QuestionView {
  const labels = PROFILE_FIELD_LABELS as Record<string, { label: LocalizedText; question: LocalizedText }>;
  return {
    field,
    label: text(labels[field]?.label ?? { en: field }, lang),
    question: text(labels[field]?.question ?? { en: field }, lang),
    decides,
  };
}

const ALTERNATIVE = /^(or: |或：)/;

/**
 * A section whose duties all carry the same alternative date (Art. 111(3) on seven EU duties) says it
 * once, under its heading: the same line seven times reads as seven different conditions.
 */
function sharedOnce(place: DutyPlace, heading: string, duties: DutyView[]) {
  const alternatives = (duty: DutyView) => duty.dates.filter((line) => ALTERNATIVE.test(line));
  const first = duties[0];
  const shared =
    duties.length > 1 && first
      ? alternatives(first).filter((line) => duties.every((d) => d.dates.includes(line)))
      : [];
  return {
    place,
    heading,
    duties: shared.length
      ? duties.map((d) => ({ ...d, dates: d.dates.filter((line) => !shared.includes(line)) }))
      : duties,
    shared,
  };
}

function marketView(
  market: MarketAnswer,
  result: CheckResult,
  data: ObligationsData,
  lang: Language,
): MarketView {
  const find = (ids: string[], list: CheckItem[]) => list.filter((i) => ids.includes(i.obligation));
  const sections = (
    [
      ["applies", find(market.applies, result.applies)],
      ["upcoming", find(market.upcoming, result.upcoming)],
      ["open", find(market.open, result.open)],
      ["notApplicable", find(market.notApplicable, result.notApplicable)],
    ] as [DutyPlace, CheckItem[]][]
  )
    .filter(([, items]) => items.length)
    .map(([place, items]) =>
      sharedOnce(
        place,
        text(HEADINGS[place], lang),
        items.map((item) => dutyView(item, place, data, lang)),
      ),
    );
  const bound = [
    ...find(market.applies, result.applies),
    ...find(market.upcoming, result.upcoming),
    ...find(market.open, result.open),
  ];
  const notes = [...new Set(bound.flatMap((item) => item.notes.map((n) => text(n, lang))))];
  const titleOf = (id: string) => text(data.instruments.find((i) => i.id === id)?.title, lang) || id;
  const articleOf = (id: string) =>
    articleLabel(data.obligations.find((o) => o.id === id)?.citation.article ?? id, lang);
  return {
    jurisdiction: market.jurisdiction,
    name: text(market.name, lang),
    via: market.via,
    verdict: market.verdict,
    headline: text(market.headline, lang),
    sections,
    questions: market.questions.map((field) =>
      questionView(
        field,
        market.open.filter((id) =>
          result.open.find((i) => i.obligation === id)?.openBecause?.includes(field),
        ),
        lang,
      ),
    ),
    penalties: market.penalties.map((p) => ({
      instrument: titleOf(p.instrument),
      text: text(p.penalty, lang),
      articles: p.obligations.map(articleOf),
    })),
    notes,
    notCovered: market.notCovered.map((gap) => ({
      title: text(gap.title, lang),
      reaches: text(gap.reaches, lang),
      since: gap.since,
      verification: VERIFICATION_LABELS[gap.verification][lang],
      sources: gap.sources,
    })),
  };
}

/** The answer of a check as one language reads it, markets first. */
export function checkAnswerView(result: CheckResult, data: ObligationsData, lang: Language): CheckView {
  const named = new Set(result.markets.map((m) => m.jurisdiction));
  const outside = result.notApplicable.filter((item) => !named.has(item.jurisdiction));
  return {
    at: result.at,
    markets: result.markets.map((market) => marketView(market, result, data, lang)),
    questions: result.questions.map((q) =>
      questionView(
        q.field,
        q.decides.map((d) => d.obligation),
        lang,
      ),
    ),
    outside: {
      jurisdictions: [...new Set(outside.map((i) => i.jurisdiction))],
      duties: outside.map((item) => dutyView(item, "notApplicable", data, lang)),
    },
  };
}
