import { inLawOn } from "../domain/obligation.js";
import type { CheckProfile } from "../domain/checkProfile.js";
import type { LocalizedText } from "../domain/localizedText.js";
import { MONTH_NAMES_EN } from "../domain/monthNames.js";
import { fieldLabel } from "../domain/profileLabels.js";
import { readBundledJurisdictions, jurisdictionNamer } from "../report/jurisdictionNames.js";
import type {
  CheckItem,
  CheckResult,
  MarketAnswer,
  MarketPenalty,
  MarketVerdict,
} from "../domain/checkResult.js";

export type { MarketAnswer, MarketPenalty, MarketVerdict } from "../domain/checkResult.js";
import { inMarket, type Memberships } from "./conditionLogic.js";
import { failedComparison } from "./explainReason.js";
import type { ObligationsData } from "../reference/obligationsData.js";

/** "2 August 2026" / "2026年8月2日". */
export function longDate(day: string, lang: "zh" | "en"): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return LONG_DATES[lang](y, m, d);
}

const LONG_DATES: Record<"zh" | "en", (y: number, m: number, d: number) => string> = {
  zh: (y, m, d) => `${y}年${m}月${d}日`,
  en: (y, m, d) => `${d} ${MONTH_NAMES_EN[m - 1]} ${y}`,
};

/** What joins the further clauses of a headline: "；" in Chinese, "; " in English. */
const CLAUSE_SEPARATORS: Record<"zh" | "en", string> = { zh: "；", en: "; " };

const count = (n: number, zh: string, en: [string, string]) => ({
  zh: `${n} ${zh}`,
  en: `${n} ${n === 1 ? en[0] : en[1]}`,
});

function headlineOf(
  verdict: MarketVerdict,
  items: { applies: CheckItem[]; upcoming: CheckItem[]; open: CheckItem[]; notApplicable: CheckItem[] },
  reasons: LocalizedText[],
  questions: string[],
): LocalizedText {
  const duties = (n: number) => count(n, "项义务", ["duty", "duties"]);
  const more: { zh: string[]; en: string[] } = { zh: [], en: [] };
  const firstUpcoming = items.upcoming.map((i) => i.from).sort()[0];
  if (verdict === "binds" && firstUpcoming) {
    more.zh.push(`另有 ${items.upcoming.length} 项自 ${longDate(firstUpcoming, "zh")}起`);
    more.en.push(`${duties(items.upcoming.length).en} more from ${longDate(firstUpcoming, "en")}`);
  }
  if (verdict !== "open" && items.open.length) {
    more.zh.push(`${items.open.length} 项尚无法判定`);
    more.en.push(`${duties(items.open.length).en} cannot be decided yet`);
  }
  const tail = (lang: "zh" | "en") =>
    more[lang].length ? `${CLAUSE_SEPARATORS[lang]}${more[lang].join(CLAUSE_SEPARATORS[lang])}` : "";
  switch (verdict) {
    case "binds":
      return {
        zh: `现在即约束您：${duties(items.applies.length).zh}${tail("zh")}`,
        en: `Binds you now: ${duties(items.applies.length).en}${tail("en")}`,
      };
    case "from-date": {
      const day = firstUpcoming as string;
      const first = items.upcoming.filter((i) => i.from === day).length;
      return {
        zh: `自 ${longDate(day, "zh")}起约束您：${duties(first).zh}${tail("zh")}`,
        en: `Binds you from ${longDate(day, "en")}: ${duties(first).en}${tail("en")}`,
      };
    }
    case "open": {
      const labels = questions.map(fieldLabel);
      return {
        zh: `尚无法判定：${duties(items.open.length).zh}取决于您对以下问题的回答：${labels.map((l) => l.zh).join("、")}`,
        en: `Cannot be decided yet: ${duties(items.open.length).en} depend on ${labels.map((l) => l.en).join(", ")}`,
      };
    }
    case "does-not-apply":
      return {
        zh: `不适用：${reasons.map((r) => r.zh ?? r.en).join("；")}`,
        en: `Does not apply: ${reasons.map((r) => r.en ?? r.zh).join("; ")}`,
      };
    default:
      return {
        zh: "aigov 尚无该市场的规则数据（这并不等于没有义务）",
        en: "aigov holds no rules for this market (which is not the same as no duty)",
      };
  }
}

function penaltiesOf(items: CheckItem[]): MarketPenalty[] {
  const byKey = new Map<string, MarketPenalty>();
  for (const item of items) {
    if (!item.penalty) continue;
    const key = `${item.instrument}\u0000${item.penalty.en ?? item.penalty.zh}`;
    const entry = byKey.get(key) ?? { instrument: item.instrument, penalty: item.penalty, obligations: [] };
    entry.obligations.push(item.obligation);
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}

/** One line per instrument of why none of its duties applies: its title and the first reason. */
function reasonsOf(items: CheckItem[], profile: CheckProfile, data: ObligationsData): LocalizedText[] {
  const seen = new Map<string, LocalizedText>();
  for (const item of items) {
    if (seen.has(item.instrument)) continue;
    const instrument = data.instruments.find((i) => i.id === item.instrument);
    const obligation = data.obligations.find((o) => o.id === item.obligation);
    const condition = obligation?.conditions.find((c) => c.article === item.decidedBy);
    const why = (condition && failedComparison(profile, condition)) ?? item.reason ?? { en: "" };
    const title = instrument?.title ?? { zh: item.instrument, en: item.instrument };
    seen.set(item.instrument, {
      zh: `${title.zh}：${why.zh ?? why.en}`,
      en: `${title.en}: ${why.en ?? why.zh}`,
    });
  }
  return [...seen.values()];
}

/**
 * One answer per market the profile names (and, with no markets, per market aigov covers): which of the
 * checked duties land there, the verdict in one line, the questions that would decide the open ones, the
 * penalties once each, and what aigov knows binds there but does not model.
 */
export function answerMarkets(
  data: ObligationsData,
  profile: CheckProfile,
  result: CheckResult,
  memberships: Memberships,
): MarketAnswer[] {
  const name = jurisdictionNamer([], readBundledJurisdictions());
  // A subdivision's answer names its country's gaps too: federal law binds in California as well.
  const gaps = (jurisdiction: string) =>
    [jurisdiction, ...(jurisdiction.includes("-") ? [jurisdiction.split("-")[0] as string] : [])].flatMap(
      (code) => data.coverage.find((c) => c.jurisdiction === code)?.notModelled ?? [],
    );
  // The jurisdictions of the duties in law on the day: one whose every duty has ended (a repealed or
  // stayed law) is answered once, as not covered, with the markets aigov holds nothing for.
  const jurisdictions = [
    ...new Set(data.obligations.filter((o) => inLawOn(o, result.at)).map((o) => o.jurisdiction)),
  ].sort();
  const answers: MarketAnswer[] = [];
  for (const jurisdiction of jurisdictions) {
    const reach = inMarket(profile.markets, jurisdiction, memberships);
    if (reach.value === false) continue;
    const via = (profile.markets ?? []).filter(
      (m) => inMarket([m], jurisdiction, memberships).value !== false,
    );
    const here = (list: CheckItem[]) => list.filter((i) => i.jurisdiction === jurisdiction);
    const items = {
      applies: here(result.applies),
      upcoming: here(result.upcoming),
      open: here(result.open),
      notApplicable: here(result.notApplicable),
    };
    const total =
      items.applies.length + items.upcoming.length + items.open.length + items.notApplicable.length;
    const verdict: MarketVerdict = items.applies.length
      ? "binds"
      : items.upcoming.length
        ? "from-date"
        : items.open.length
          ? "open"
          : total
            ? "does-not-apply"
            : "not-covered";
    const questions = [...new Set(items.open.flatMap((i) => i.openBecause ?? []))];
    const headline = headlineOf(verdict, items, reasonsOf(items.notApplicable, profile, data), questions);
    answers.push({
      jurisdiction,
      name: { zh: name(jurisdiction, "zh"), en: name(jurisdiction, "en") },
      via,
      verdict,
      headline,
      ...(verdict === "from-date" ? { from: items.upcoming.map((i) => i.from).sort()[0] as string } : {}),
      applies: items.applies.map((i) => i.obligation),
      upcoming: items.upcoming.map((i) => i.obligation),
      open: items.open.map((i) => i.obligation),
      notApplicable: items.notApplicable.map((i) => i.obligation),
      questions,
      penalties: penaltiesOf([...items.applies, ...items.upcoming, ...items.open]),
      notCovered: gaps(jurisdiction),
    });
  }
  // A market aigov holds no duties for, but knows rules of (the US, beyond California): said as not covered.
  const answered = new Set(answers.map((a) => a.jurisdiction));
  const knownOnly = (profile.markets ?? []).filter(
    (m) =>
      !answered.has(m) &&
      !result.uncoveredMarkets.includes(m) &&
      data.coverage.some((c) => c.jurisdiction === m),
  );
  for (const market of [...knownOnly, ...result.uncoveredMarkets])
    answers.push({
      jurisdiction: market,
      name: { zh: name(market, "zh"), en: name(market, "en") },
      via: [market],
      verdict: "not-covered",
      headline: headlineOf("not-covered", { applies: [], upcoming: [], open: [], notApplicable: [] }, [], []),
      applies: [],
      upcoming: [],
      open: [],
      notApplicable: [],
      questions: [],
      penalties: [],
      notCovered: gaps(market),
    });
  return answers;
}
