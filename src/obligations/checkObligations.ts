import type { CheckProfile } from "../domain/checkProfile.js";
import type { Instrument } from "../domain/instrument.js";
import type { LocalizedText } from "../domain/localizedText.js";
import type { Obligation, Transition } from "../domain/obligation.js";
import { type Answer, allOf, inMarket, testCondition, testProfile } from "./conditionLogic.js";
import type { ObligationsData } from "./obligationsData.js";

/** One duty in a check's answer; `reason` and `decidedBy` only where it does not apply. */
export interface CheckItem {
  obligation: string;
  instrument: string;
  jurisdiction: string;
  nature: Obligation["nature"];
  title: LocalizedText;
  citation: { article: string; url: string; verification: string };
  from: string;
  penalty: LocalizedText | null;
  notes: LocalizedText[];
  transition?: { label: LocalizedText; article: string; url: string };
  reason?: LocalizedText;
  decidedBy?: string;
}

/** A profile field whose absence left duties open, and the duties it would decide. */
export interface MissingField {
  field: string;
  decides: string[];
}

/** The answer of a check: what applies on `at`, what comes later, what does not apply and why, what is open. */
export interface CheckResult {
  at: string;
  applies: CheckItem[];
  upcoming: CheckItem[];
  notApplicable: CheckItem[];
  missing: MissingField[];
  /** Markets of the profile for which aigov holds no obligations: no answer is not "no duty". */
  uncoveredMarkets: string[];
}

const ROLE_NAMES: Record<string, LocalizedText> = {
  provider: { zh: "提供者", en: "providers" },
  deployer: { zh: "部署者", en: "deployers" },
  developer: { zh: "开发者", en: "developers" },
  platform: { zh: "平台", en: "platforms" },
};

function baseItem(obligation: Obligation): CheckItem {
  return {
    obligation: obligation.id,
    instrument: obligation.instrument,
    jurisdiction: obligation.jurisdiction,
    nature: obligation.nature,
    title: obligation.title,
    citation: {
      article: obligation.citation.article,
      url: obligation.citation.url,
      verification: obligation.citation.verification,
    },
    from: obligation.from,
    penalty: obligation.penalty,
    notes: obligation.notes,
  };
}

type Verdict =
  | { kind: "no"; reason: LocalizedText; decidedBy: string }
  | { kind: "open"; missing: string[] }
  | { kind: "yes"; from: string; status: "applies" | "upcoming"; transition?: Transition };

/** Who, what and where: the first test that fails gives the reason; open tests leave the duty open. */
function scopeVerdict(obligation: Obligation, profile: CheckProfile): Verdict | Answer {
  const market = inMarket(profile.markets, obligation.jurisdiction);
  if (market.value === false)
    return {
      kind: "no",
      reason: {
        zh: `不在市场范围：画像的市场不包括 ${obligation.jurisdiction}`,
        en: `outside the market: the profile's markets do not include ${obligation.jurisdiction}`,
      },
      decidedBy: obligation.citation.article,
    };
  if (!obligation.kinds.includes(profile.kind))
    return {
      kind: "no",
      reason: {
        zh: `该义务针对${obligation.kinds.includes("model") ? "模型" : "服务"}，画像描述的是${profile.kind === "model" ? "模型" : "服务"}`,
        en: `covers ${obligation.kinds.join(" and ")}s; the profile describes a ${profile.kind}`,
      },
      decidedBy: obligation.citation.article,
    };
  const answers: Answer[] = [market];
  if (profile.role === undefined) answers.push({ value: undefined, missing: ["role"] });
  else if (!obligation.roles.includes(profile.role))
    return {
      kind: "no",
      reason: {
        zh: `约束${obligation.roles.map((r) => ROLE_NAMES[r]?.zh ?? r).join("、")}；画像的角色是${ROLE_NAMES[profile.role]?.zh ?? profile.role}`,
        en: `binds ${obligation.roles.map((r) => ROLE_NAMES[r]?.en ?? r).join(", ")}; the profile's role is ${profile.role}`,
      },
      decidedBy: obligation.citation.article,
    };
  for (const condition of obligation.conditions) {
    const answer = testCondition(profile, condition);
    if (answer.value === false) return { kind: "no", reason: condition.reason, decidedBy: condition.article };
    answers.push(answer);
  }
  return allOf(answers);
}

/**
 * When the duty starts for this profile: a transition whose test holds moves it (e.g. Art. 111(3)); an
 * open transition test leaves several candidate dates, which decide nothing unless they agree on `at`.
 */
function dateVerdict(obligation: Obligation, profile: CheckProfile, at: string): Verdict {
  const candidates: { from: string; transition?: Transition }[] = [];
  const missing: string[] = [];
  let settled = false;
  for (const transition of obligation.transitions) {
    const answer = allOf(transition.when.map((test) => testProfile(profile, test)));
    if (answer.value === true) {
      candidates.push({ from: transition.from, transition });
      settled = true;
      break;
    }
    if (answer.value === undefined) {
      candidates.push({ from: transition.from, transition });
      missing.push(...answer.missing);
    }
  }
  if (!settled) candidates.push({ from: obligation.from });
  const statuses = new Set(candidates.map((c) => (at >= c.from ? "applies" : "upcoming")));
  if (statuses.size > 1) return { kind: "open", missing };
  const status = [...statuses][0] as "applies" | "upcoming";
  // Several candidates with one status: the latest start when it applies already (it surely does by
  // then), the earliest when it is still to come (the soonest it can start).
  const sorted = [...candidates].sort((a, b) => a.from.localeCompare(b.from));
  const chosen = (
    status === "applies" ? sorted[sorted.length - 1] : sorted[0]
  ) as (typeof candidates)[number];
  return {
    kind: "yes",
    from: chosen.from,
    status,
    ...(chosen.transition ? { transition: chosen.transition } : {}),
  };
}

function verdict(obligation: Obligation, profile: CheckProfile, at: string): Verdict {
  const scope = scopeVerdict(obligation, profile);
  if ("kind" in scope) return scope;
  const dated = dateVerdict(obligation, profile, at);
  if (scope.value === undefined)
    return { kind: "open", missing: [...scope.missing, ...(dated.kind === "open" ? dated.missing : [])] };
  return dated;
}

const byPlace = (a: CheckItem, b: CheckItem) =>
  a.jurisdiction.localeCompare(b.jurisdiction) ||
  a.from.localeCompare(b.from) ||
  a.obligation.localeCompare(b.obligation);

/**
 * Checks a profile against every obligation on a date (YYYY-MM-DD). Each duty lands in exactly one
 * place: applies, upcoming, not applicable (with the reason and the article that decides it), or —
 * when profile fields are missing — under `missing`, named by the fields that would decide it.
 */
export function checkObligations(data: ObligationsData, profile: CheckProfile, at: string): CheckResult {
  const result: CheckResult = {
    at,
    applies: [],
    upcoming: [],
    notApplicable: [],
    missing: [],
    uncoveredMarkets: [],
  };
  const missing = new Map<string, Set<string>>();
  for (const obligation of data.obligations) {
    const outcome = verdict(obligation, profile, at);
    const item = baseItem(obligation);
    if (outcome.kind === "no")
      result.notApplicable.push({ ...item, reason: outcome.reason, decidedBy: outcome.decidedBy });
    else if (outcome.kind === "open")
      for (const field of new Set(outcome.missing)) {
        const decides = missing.get(field) ?? new Set<string>();
        decides.add(obligation.id);
        missing.set(field, decides);
      }
    else {
      const decided: CheckItem = { ...item, from: outcome.from };
      if (outcome.transition)
        decided.transition = {
          label: outcome.transition.label,
          article: outcome.transition.citation.article,
          url: outcome.transition.citation.url,
        };
      result[outcome.status].push(decided);
    }
  }
  result.applies.sort(byPlace);
  result.upcoming.sort(byPlace);
  result.notApplicable.sort(byPlace);
  result.missing = [...missing.entries()]
    .map(([field, decides]) => ({ field, decides: [...decides].sort() }))
    .sort((a, b) => a.field.localeCompare(b.field));
  const covered = new Set(data.obligations.map((o) => o.jurisdiction));
  result.uncoveredMarkets = (profile.markets ?? []).filter(
    (market) => ![...covered].some((jurisdiction) => inMarket([market], jurisdiction).value !== false),
  );
  return result;
}

/** The instruments a result names, for presenting titles next to ids. */
export function instrumentsOf(data: ObligationsData, result: CheckResult): Instrument[] {
  const ids = new Set(
    [...result.applies, ...result.upcoming, ...result.notApplicable].map((i) => i.instrument),
  );
  return data.instruments.filter((instrument) => ids.has(instrument.id));
}
