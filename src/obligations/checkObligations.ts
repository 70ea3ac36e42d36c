import type { CheckProfile } from "../domain/checkProfile.js";
import type { Instrument } from "../domain/instrument.js";
import type { LocalizedText } from "../domain/localizedText.js";
import { type Role, ROLE_WORDS } from "../domain/vocabulary.js";
import { inLawOn, type Obligation, type Transition } from "../domain/obligation.js";
import {
  type Answer,
  allOf,
  inMarket,
  type Memberships,
  membershipsOf,
  testCondition,
  testProfile,
} from "./conditionLogic.js";
import { notApplicableReason } from "./explainReason.js";
import { answerMarkets } from "./marketAnswers.js";
import type { ObligationsData } from "../reference/obligationsData.js";
import { questionsFor } from "./questions.js";
import type { CheckItem, CheckResult, DateAlternative } from "../domain/checkResult.js";

// The answer's types are inferred from its schemas in domain/checkResult.ts; re-exported for the
// importers (web, cli) that still name them here.
export type { CheckItem, CheckResult, DateAlternative, MissingField } from "../domain/checkResult.js";

/** A role as the answers name whom a duty binds: the vocabulary's word, in the plural in English. */
function roleName(role: string): Required<LocalizedText> | undefined {
  const words = ROLE_WORDS[role as Role];
  return words && { zh: words.zh, en: `${words.en}s` };
}

function baseItem(obligation: Obligation): CheckItem {
  return {
    obligation: obligation.id,
    instrument: obligation.instrument,
    jurisdiction: obligation.jurisdiction,
    nature: obligation.nature,
    themes: obligation.themes,
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
  | {
      kind: "open";
      missing: string[];
      alternatives: DateAlternative[];
      asProvider?: CheckItem["asProvider"];
    }
  | {
      kind: "yes";
      from: string;
      status: "applies" | "upcoming";
      transition?: Transition;
      complyBy?: Transition;
      alternatives: DateAlternative[];
      asProvider?: CheckItem["asProvider"];
    };

type Scope =
  | { kind: "no"; reason: LocalizedText; decidedBy: string }
  | (Answer & { asProvider?: CheckItem["asProvider"] });

function roleNames(roles: string[]): LocalizedText {
  return {
    zh: roles.map((r) => roleName(r)?.zh ?? r).join("、"),
    en: roles.map((r) => roleName(r)?.en ?? r).join(", "),
  };
}

/**
 * Whom the duty binds, against the profile's role. A developer is the provider where the law says one
 * that places the model or system on the market under its own name is (EU AI Act Art. 3(3)): the
 * checker then asks `underOwnName` instead of answering "binds providers".
 */
function roleAnswer(obligation: Obligation, profile: CheckProfile): Scope {
  if (profile.role === undefined) return { value: undefined, missing: ["role"] };
  if (obligation.roles.includes(profile.role)) return { value: true, missing: [] };
  const bindsProviders = obligation.roles.includes("provider");
  const asProvider = obligation.developerAsProvider;
  if (profile.role === "developer" && bindsProviders && asProvider) {
    if (profile.underOwnName === true) return { value: true, missing: [], asProvider };
    if (profile.underOwnName === undefined) return { value: undefined, missing: ["underOwnName"] };
    return {
      kind: "no",
      reason: {
        zh: `约束${roleNames(obligation.roles).zh}；未以自己的名称或商标投放的开发者不是提供者`,
        en: `binds ${roleNames(obligation.roles).en}; a developer that does not place it under its own name or trademark is not its provider`,
      },
      decidedBy: asProvider.article,
    };
  }
  const names = roleNames(obligation.roles);
  return {
    kind: "no",
    reason: {
      zh: `约束${names.zh}；画像的角色是${roleName(profile.role)?.zh ?? profile.role}`,
      en: `binds ${names.en}; the profile's role is ${profile.role}`,
    },
    decidedBy: obligation.citation.article,
  };
}

/** Who, what and where: the first test that fails gives the reason; open tests leave the duty open. */
function scopeVerdict(obligation: Obligation, profile: CheckProfile, memberships: Memberships): Scope {
  const market = inMarket(profile.markets, obligation.jurisdiction, memberships);
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
  const role = roleAnswer(obligation, profile);
  if ("kind" in role) return role;
  const answers: Answer[] = [market, role];
  for (const condition of obligation.conditions) {
    const answer = testCondition(profile, condition, memberships);
    if (answer.value === false)
      return { kind: "no", reason: notApplicableReason(profile, condition), decidedBy: condition.article };
    answers.push(answer);
  }
  return { ...allOf(answers), ...(role.asProvider ? { asProvider: role.asProvider } : {}) };
}

function alternativeOf(transition: Transition, fields: string[]): DateAlternative {
  return {
    kind: transition.kind,
    date: transition.from,
    label: transition.label,
    article: transition.citation.article,
    url: transition.citation.url,
    fields: [...new Set(fields)],
  };
}

/**
 * When the duty binds this profile. A `start` transition whose tests hold moves the start (an open one
 * leaves several candidate starts, which decide nothing unless they agree on `at`); a `deadline`
 * transition never moves the start, it gives the day by which to comply. Open tests become alternatives,
 * so that "now; or by 2 August 2027 if placed on the market before 2 August 2025" can be said.
 */
function dateVerdict(
  obligation: Obligation,
  profile: CheckProfile,
  at: string,
  memberships: Memberships,
): Verdict {
  const candidates: { from: string; transition?: Transition }[] = [];
  const alternatives: DateAlternative[] = [];
  const missing: string[] = [];
  let settledStart = false;
  let complyBy: Transition | undefined;
  for (const transition of obligation.transitions) {
    const answer = allOf(transition.when.map((test) => testProfile(profile, test, memberships)));
    if (transition.kind === "deadline") {
      // The first deadline whose tests hold is this profile's; open ones before it are alternatives.
      if (complyBy) continue;
      if (answer.value === true) complyBy = transition;
      else if (answer.value === undefined) alternatives.push(alternativeOf(transition, answer.missing));
      continue;
    }
    if (settledStart) continue;
    if (answer.value === true) {
      candidates.push({ from: transition.from, transition });
      settledStart = true;
    } else if (answer.value === undefined) {
      candidates.push({ from: transition.from, transition });
      alternatives.push(alternativeOf(transition, answer.missing));
      missing.push(...answer.missing);
    }
  }
  if (!settledStart) candidates.push({ from: obligation.from });
  const statuses = new Set(candidates.map((c) => (at >= c.from ? "applies" : "upcoming")));
  if (statuses.size > 1) return { kind: "open", missing, alternatives };
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
    // The chosen start is said as the answer; the other open starts and deadlines as alternatives.
    alternatives: alternatives.filter((a) => a.kind === "deadline" || a.date !== chosen.from),
    ...(chosen.transition ? { transition: chosen.transition } : {}),
    ...(complyBy ? { complyBy } : {}),
  };
}

function verdict(
  obligation: Obligation,
  profile: CheckProfile,
  at: string,
  memberships: Memberships,
): Verdict {
  const scope = scopeVerdict(obligation, profile, memberships);
  if ("kind" in scope) return scope;
  const dated = dateVerdict(obligation, profile, at, memberships);
  const asProvider = scope.asProvider ? { asProvider: scope.asProvider } : {};
  if (scope.value === undefined)
    return {
      kind: "open",
      missing: [...scope.missing, ...(dated.kind === "open" ? dated.missing : [])],
      alternatives: dated.kind === "no" ? [] : dated.alternatives,
      ...asProvider,
    };
  return dated.kind === "no" ? dated : { ...dated, ...asProvider };
}

/**
 * The penalty as it reaches this profile: the obligation's penalty, unless a penalty condition (whom the
 * penalty article names) fails, in which case the reason is told instead of a penalty that does not bind.
 */
function penaltyFor(
  obligation: Obligation,
  profile: CheckProfile,
  memberships: Memberships,
): Pick<CheckItem, "penalty" | "penaltyNotReached"> {
  if (!obligation.penalty) return { penalty: null };
  for (const condition of obligation.penaltyConditions) {
    const answer = testCondition(profile, condition, memberships);
    if (answer.value === false)
      return { penalty: null, penaltyNotReached: { reason: condition.reason, article: condition.article } };
  }
  return { penalty: obligation.penalty };
}

const byPlace = (a: CheckItem, b: CheckItem) =>
  a.jurisdiction.localeCompare(b.jurisdiction) ||
  a.from.localeCompare(b.from) ||
  a.obligation.localeCompare(b.obligation);

function decidedItem(item: CheckItem, outcome: Extract<Verdict, { kind: "yes" }>): CheckItem {
  const decided: CheckItem = { ...item, from: outcome.from };
  if (outcome.transition)
    decided.transition = {
      kind: outcome.transition.kind,
      label: outcome.transition.label,
      article: outcome.transition.citation.article,
      url: outcome.transition.citation.url,
    };
  if (outcome.complyBy) {
    decided.complyBy = outcome.complyBy.from;
    decided.transition = {
      kind: "deadline",
      label: outcome.complyBy.label,
      article: outcome.complyBy.citation.article,
      url: outcome.complyBy.citation.url,
    };
  }
  if (outcome.alternatives.length) decided.alternatives = outcome.alternatives;
  if (outcome.asProvider) decided.asProvider = outcome.asProvider;
  return decided;
}

/**
 * Checks a profile against every obligation on a date (YYYY-MM-DD). Each duty lands in exactly one
 * place: applies, upcoming, open (named by the fields that would decide it) or not applicable (with the
 * reason and the article that decides it); then one verdict per market and the questions to ask.
 */
export function checkObligations(data: ObligationsData, profile: CheckProfile, at: string): CheckResult {
  const memberships = membershipsOf(data.groups);
  const result: CheckResult = {
    at,
    applies: [],
    upcoming: [],
    open: [],
    notApplicable: [],
    missing: [],
    uncoveredMarkets: [],
    markets: [],
    questions: [],
  };
  const missing = new Map<string, Set<string>>();
  // The law of the day: a version of a duty that an amendment replaced, or that was not yet made, is
  // not that day's law (its successor or predecessor is).
  const inLaw = data.obligations.filter((obligation) => inLawOn(obligation, at));
  for (const obligation of inLaw) {
    const outcome = verdict(obligation, profile, at, memberships);
    const item = { ...baseItem(obligation), ...penaltyFor(obligation, profile, memberships) };
    if (outcome.kind === "no") {
      result.notApplicable.push({ ...item, reason: outcome.reason, decidedBy: outcome.decidedBy });
      continue;
    }
    if (outcome.kind === "yes") {
      result[outcome.status].push(decidedItem(item, outcome));
      continue;
    }
    const fields = [...new Set(outcome.missing)];
    for (const field of fields) {
      const decides = missing.get(field) ?? new Set<string>();
      decides.add(obligation.id);
      missing.set(field, decides);
    }
    result.open.push({
      ...item,
      openBecause: fields,
      ...(outcome.alternatives.length ? { alternatives: outcome.alternatives } : {}),
      ...(outcome.asProvider ? { asProvider: outcome.asProvider } : {}),
    });
  }
  for (const list of [result.applies, result.upcoming, result.open, result.notApplicable]) list.sort(byPlace);
  result.missing = [...missing.entries()]
    .map(([field, decides]) => ({ field, decides: [...decides].sort() }))
    .sort((a, b) => a.field.localeCompare(b.field));
  const covered = new Set(inLaw.map((o) => o.jurisdiction));
  result.uncoveredMarkets = (profile.markets ?? []).filter(
    (market) =>
      ![...covered].some((jurisdiction) => inMarket([market], jurisdiction, memberships).value !== false),
  );
  result.questions = questionsFor(result.missing, data);
  result.markets = answerMarkets(data, profile, result, memberships);
  return result;
}

/** The instruments a result names, for presenting titles next to ids. */
export function instrumentsOf(data: ObligationsData, result: CheckResult): Instrument[] {
  const ids = new Set(
    [...result.applies, ...result.upcoming, ...result.open, ...result.notApplicable].map((i) => i.instrument),
  );
  return data.instruments.filter((instrument) => ids.has(instrument.id));
}
