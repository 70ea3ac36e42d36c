import type { ProfileIssue } from "../../domain/checkProfile.js";
import { type Language, type LocalizedText, pickText } from "../../domain/localizedText.js";
import {
  ALGORITHM_TYPES,
  CONSEQUENTIAL_DECISIONS,
  ENTERPRISE_SIZES,
  EU_HIGH_RISK_USES,
  KR_HIGH_IMPACT_AREAS,
  MODALITIES,
  ROLES,
  SECTORS,
} from "../../domain/obligation.js";
import {
  ALGORITHM_TYPE_LABELS,
  CONSEQUENTIAL_DECISION_LABELS,
  ENTERPRISE_SIZE_LABELS,
  EU_HIGH_RISK_USE_LABELS,
  fieldLabel,
  KIND_LABELS,
  KR_HIGH_IMPACT_AREA_LABELS,
  MODALITY_LABELS,
  PROFILE_FIELD_LABELS,
  ROLE_LABELS,
  SECTOR_LABELS,
} from "../../domain/profileLabels.js";
import type { ObligationsData } from "../../reference/obligationsData.js";
import { checkProfile } from "../../app/check.js";
import type { CheckResult } from "../../obligations/checkObligations.js";
import { todayUtc } from "../../obligations/deadlines.js";
import { localHref } from "../i18n/localHref.js";
import { translator } from "../i18n/t.js";
import { escapeHtml, unsafeRaw } from "../html.js";
import type { WebPage } from "../webPage.js";
import { checkResultHtml } from "./obligationViews.js";

const MARKET_CHOICES = ["EU", "CN", "US", "KR", "JP", "VN", "IT", "KZ", "TW", "BR"] as const;
/** The markets whose laws count monthly users or visitors (SB 942 in California; China's filings). */
export const MONTHLY_USER_MARKETS = ["US-CA", "CN"] as const;
const FLAGS = [
  "generatesContent",
  "interactsWithPeople",
  "openWeights",
  "underOwnName",
  "offeredToPublic",
  "annexIProduct",
  "euNoSignificantRisk",
  "publicBody",
  "publicOpinionAttributes",
  "significantRiskToRights",
  "stateOfTheArt",
  "broadSevereRisk",
  "priorCorrectionOrderFine",
] as const;
const NUMBERS = [
  "trainingFlop",
  "fineTuningFlop",
  "annualRevenueUsd",
  "annualRevenueKrw",
  "aiServiceRevenueKrw",
  "dailyUsersKr",
] as const;
const CHOICES = ["kind", "role", "sector", "enterpriseSize"] as const;
/** The multiple choices with a "none of these" box: none ticked is not answered, "none" is the empty list. */
const MULTI = {
  euHighRiskUses: EU_HIGH_RISK_USES,
  consequentialDecisions: CONSEQUENTIAL_DECISIONS,
  algorithmTypes: ALGORITHM_TYPES,
  krHighImpactAreas: KR_HIGH_IMPACT_AREAS,
} as const;
type MultiField = keyof typeof MULTI;
const MULTI_FIELDS = Object.keys(MULTI) as MultiField[];
const NONE = "none";
const monthlyUsersField = (market: string) => `monthlyUsers.${market}`;

/**
 * A profile from the form's fields. Empty fields are left out (the answer then says what they would
 * decide): a yes/no left at "don't know", a number left empty or a group of boxes none of which is ticked
 * is never read as no, zero or none. Numbers are passed as written, for the profile schema reads `3×10^25`
 * as well as `3e25`; the age is a whole number or passed as written, so that the schema names the field.
 */
export function profileFromForm(form: URLSearchParams): Record<string, unknown> {
  const profile: Record<string, unknown> = {};
  const text = (name: string) => form.get(name)?.trim() ?? "";
  for (const name of CHOICES) if (text(name)) profile[name] = text(name);
  for (const name of NUMBERS) if (text(name)) profile[name] = text(name);
  for (const name of FLAGS) {
    const value = text(name);
    if (value === "yes") profile[name] = true;
    else if (value === "no") profile[name] = false;
  }
  const markets = [
    ...form.getAll("markets"),
    ...text("otherMarkets")
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((m) => m.toUpperCase()),
  ];
  if (markets.length) profile.markets = [...new Set(markets)];
  const modalities = form.getAll("modalities");
  if (modalities.length) profile.modalities = modalities;
  for (const name of MULTI_FIELDS) {
    const ticked = [...new Set(form.getAll(name))];
    // "None of these" alone is the empty list; beside a use, the schema refuses it, naming the field.
    if (ticked.length) profile[name] = ticked.length === 1 && ticked[0] === NONE ? [] : ticked;
  }
  const users: Record<string, string> = {};
  for (const market of MONTHLY_USER_MARKETS) {
    const value = text(monthlyUsersField(market));
    if (value) users[market] = value;
  }
  if (Object.keys(users).length) profile.monthlyUsers = users;
  const age = text("youngestUserAge");
  if (age) profile.youngestUserAge = /^\d{1,3}$/.test(age) ? Number(age) : age;
  if (text("establishedIn")) profile.establishedIn = text("establishedIn").toUpperCase();
  if (text("placedOnMarket")) profile.placedOnMarket = text("placedOnMarket");
  return profile;
}

interface CheckPageInput {
  name: (code: string) => string;
  lang: Language;
  form: URLSearchParams;
  at: string;
  data: ObligationsData;
  /** The US states a market may name: the gazetteer's and the data's. */
  usStates: string[];
  result?: CheckResult;
  issues?: ProfileIssue[];
}

const option = (value: string, label: string, selected: boolean) =>
  `<option value="${escapeHtml(value)}"${selected ? " selected" : ""}>${escapeHtml(label)}</option>`;

const VALUE_LABELS: Record<MultiField, Record<string, Required<LocalizedText>>> = {
  euHighRiskUses: EU_HIGH_RISK_USE_LABELS,
  consequentialDecisions: CONSEQUENTIAL_DECISION_LABELS,
  algorithmTypes: ALGORITHM_TYPE_LABELS,
  krHighImpactAreas: KR_HIGH_IMPACT_AREA_LABELS,
};

function formHtml(input: CheckPageInput): string {
  const lang = input.lang;
  const tr = translator(lang);
  const f = input.form;
  const say = (text: LocalizedText) => escapeHtml(pickText(text, lang) ?? "");
  const label = (name: keyof typeof PROFILE_FIELD_LABELS) => say(PROFILE_FIELD_LABELS[name].label);
  const question = (name: keyof typeof PROFILE_FIELD_LABELS) => say(PROFILE_FIELD_LABELS[name].question);
  const value = (name: string) => escapeHtml(f.get(name) ?? "");
  const checked = (name: string, v: string) => (f.getAll(name).includes(v) ? " checked" : "");
  const select = (name: keyof typeof PROFILE_FIELD_LABELS, choices: [string, string][], hint = "") =>
    `<p><label for="f-${name}">${label(name)}</label><br><select id="f-${name}" name="${name}">${choices
      .map(([v, l]) => option(v, l, (f.get(name) ?? "") === v))
      .join("")}</select>${hint ? ` <span class="muted">${hint}</span>` : ""}</p>`;
  const notStated: [string, string] = ["", tr("check.notStated")];
  const yesNo: [string, string][] = [
    ["", tr("check.dontKnow")],
    ["yes", tr("check.yes")],
    ["no", tr("check.no")],
  ];
  // A yes/no question: its question in plain words, answered yes, no or "don't know" (left open).
  const flag = (name: (typeof FLAGS)[number], hint = "") =>
    `<p><label for="f-${name}">${question(name)}</label><br><select id="f-${name}" name="${name}">${yesNo
      .map(([v, l]) => option(v, l, (f.get(name) ?? "") === v))
      .join("")}</select>${hint ? ` <span class="muted">${hint}</span>` : ""}</p>`;
  const textField = (
    name: keyof typeof PROFILE_FIELD_LABELS,
    hint: string,
    type = "text",
    extra = "",
    shown = label(name),
  ) =>
    `<p><label for="f-${name}">${shown}</label><br><input id="f-${name}" name="${name}" type="${type}" value="${value(name)}" aria-describedby="h-${name}"${extra}> <span id="h-${name}" class="muted">${hint}</span></p>`;
  const boxes = (name: MultiField) =>
    `<fieldset id="f-${name}" class="check-options"><legend>${question(name)}</legend><ul>${MULTI[name]
      .map(
        (v) =>
          `<li><label><input type="checkbox" name="${name}" value="${v}"${checked(name, v)}> ${say(VALUE_LABELS[name][v] ?? { en: v })}</label></li>`,
      )
      .join(
        "",
      )}<li><label><input type="checkbox" name="${name}" value="${NONE}"${checked(name, NONE)}> ${tr("check.noneOfThese")}</label></li></ul><p class="muted">${tr("check.noneTicked")}</p></fieldset>`;
  const roles = ROLES.map(
    (r) => `<li><strong>${say(ROLE_LABELS[r].name)}</strong>：${say(ROLE_LABELS[r].means)}</li>`,
  )
    .join("")
    .replaceAll("：", tr("check.roleColon"));
  const marketBox = (m: string) =>
    `<label><input type="checkbox" name="markets" value="${escapeHtml(m)}"${checked("markets", m)}> ${escapeHtml(input.name(m))}</label>`;
  const numberHint = tr("check.numberHint");
  const group = (legend: string, body: string) =>
    `<fieldset class="check-group"><legend>${legend}</legend>\n${body}\n</fieldset>`;
  return `<form method="get" action="/check" class="check-form">
<input type="hidden" name="lang" value="${lang}">
${group(
  tr("check.group.what"),
  `${select(
    "kind",
    (["model", "service"] as const).map((k): [string, string] => [k, pickText(KIND_LABELS[k], lang) ?? k]),
  )}
${select("role", [notStated, ...ROLES.map((r): [string, string] => [r, pickText(ROLE_LABELS[r].name, lang) ?? r])])}
<ul class="muted">${roles}</ul>
${flag("underOwnName", tr("check.underOwnNameHint"))}
<fieldset id="f-modalities"><legend>${label("modalities")}</legend>${MODALITIES.map(
    (m) =>
      `<label><input type="checkbox" name="modalities" value="${m}"${checked("modalities", m)}> ${say(MODALITY_LABELS[m])}</label>`,
  ).join(" ")}</fieldset>
${flag("generatesContent")}
${flag("interactsWithPeople")}
${flag("openWeights")}
${flag("offeredToPublic")}
${textField("youngestUserAge", tr("check.ageHint"), "number", ' min="0" max="130" step="1" inputmode="numeric"', question("youngestUserAge"))}
${select("sector", [notStated, ...SECTORS.map((s): [string, string] => [s, pickText(SECTOR_LABELS[s], lang) ?? s])])}
${select("enterpriseSize", [notStated, ...ENTERPRISE_SIZES.map((s): [string, string] => [s, pickText(ENTERPRISE_SIZE_LABELS[s], lang) ?? s])])}`,
)}
${group(
  tr("check.group.where"),
  `<fieldset id="f-markets"><legend>${question("markets")}</legend><p>${MARKET_CHOICES.map(marketBox).join(" ")}</p>
<p class="muted">${tr("check.usStates")}</p><p>${input.usStates.map(marketBox).join(" ")}</p>
<p><label for="f-otherMarkets">${tr("check.otherMarkets")}</label> <input id="f-otherMarkets" name="otherMarkets" value="${value("otherMarkets")}"></p></fieldset>
${textField("establishedIn", "US, DE, CN…")}
${textField("placedOnMarket", "YYYY-MM-DD", "date")}
<fieldset id="f-monthlyUsers"><legend>${question("monthlyUsers")}</legend>${MONTHLY_USER_MARKETS.map(
    (market) => {
      const field = monthlyUsersField(market);
      const id = `f-monthlyUsers-${market}`;
      return `<p><label for="${id}">${escapeHtml(tr("check.usersIn", { name: input.name(market) }))}</label><br><input id="${id}" name="${field}" type="text" inputmode="numeric" value="${value(field)}"> <span class="muted">${tr("check.usersHint")}</span></p>`;
    },
  ).join("")}</fieldset>`,
)}
${group(
  tr("check.group.size"),
  `${textField("trainingFlop", numberHint)}
${textField("fineTuningFlop", tr("check.fineTuningHint"))}
${textField("annualRevenueUsd", tr("check.revenueUsdHint"))}`,
)}
${group(
  tr("check.group.eu"),
  `${boxes("euHighRiskUses")}
${flag("annexIProduct")}
${flag("euNoSignificantRisk")}
${flag("publicBody")}`,
)}
${group(tr("check.group.us"), boxes("consequentialDecisions"))}
${group(
  tr("check.group.cn"),
  `${flag("publicOpinionAttributes")}
${boxes("algorithmTypes")}`,
)}
${group(
  tr("check.group.kr"),
  `${boxes("krHighImpactAreas")}
${flag("significantRiskToRights")}
${textField("annualRevenueKrw", tr("check.koreaAgentHint"))}
${textField("aiServiceRevenueKrw", tr("check.koreaAgentHint"))}
${textField("dailyUsersKr", tr("check.koreaAgentHint"))}
${flag("stateOfTheArt")}
${flag("broadSevereRisk")}
${flag("priorCorrectionOrderFine")}`,
)}
${textField("at", "YYYY-MM-DD", "date")}
<p><button type="submit">${tr("check.submit")}</button></p>
</form>`;
}

function checkBodyHtml(input: CheckPageInput): string {
  const tr = translator(input.lang);
  const issues = input.issues?.length
    ? `<div role="alert" id="profile-errors"><h2>${tr("check.issues")}</h2><ul>${input.issues
        .map(
          (i) =>
            `<li><a href="#f-${escapeHtml(i.field.split(".")[0] ?? "")}">${escapeHtml(pickText(fieldLabel(i.field), input.lang) ?? i.field)}</a>: ${escapeHtml(i.message)}</li>`,
        )
        .join("")}</ul></div>`
    : "";
  const result = input.result ? checkResultHtml(input.result, input.data, input.lang) : "";
  return `<h1>${tr("check.heading")}</h1>
<p class="muted">${tr("check.intro")} <a href="${localHref("/coverage", input.lang)}">${tr("check.coverageLink")}</a> · <a href="/api/docs">POST /api/check</a></p>
${issues}
${result}
${result ? `<h2>${tr("check.changeAnswers")}</h2>` : ""}
${formHtml(input)}`;
}

/**
 * `/check`: the form, and the answer (or the problems with the profile) below it. The form is sent with
 * GET, so that an answer is a link to share and works without JavaScript; the API takes the same
 * profile as JSON at POST /api/check.
 */
export const checkPage: WebPage = {
  path: "/check",
  nav: "check",
  // The form's fields: markets, modalities and the multiple choices are checkboxes, every other field one value.
  parameters: {
    ...Object.fromEntries(
      [
        ...CHOICES,
        ...NUMBERS,
        ...FLAGS,
        "otherMarkets",
        "establishedIn",
        "placedOnMarket",
        "youngestUserAge",
        ...MONTHLY_USER_MARKETS.map(monthlyUsersField),
        "at",
      ].map((name) => [name, "once"] as const),
    ),
    markets: "list",
    modalities: "list",
    ...Object.fromEntries(MULTI_FIELDS.map((name) => [name, "list"] as const)),
  },
  render: async (request) => {
    const { lang, url } = request;
    const data = request.obligations;
    const form = url.searchParams;
    const at = form.get("at")?.trim() || todayUtc();
    const title = translator(lang)("check.title");
    const name = (code: string) => request.name(code, lang);
    const usStates = [
      ...new Set([
        ...request.jurisdictions.map((j) => j.code),
        ...data.obligations.map((o) => o.jurisdiction),
      ]),
    ]
      .filter((code) => code.startsWith("US-"))
      .sort((a, b) => name(a).localeCompare(name(b), lang));
    const answer = (input: Omit<CheckPageInput, "data" | "name" | "usStates">, status = 200) => ({
      status,
      title,
      body: unsafeRaw(checkBodyHtml({ ...input, data, name, usStates })),
    });
    if (!form.has("kind")) return answer({ lang, form, at });
    const outcome = checkProfile(request.context, { profile: profileFromForm(form) }, at);
    if ("issues" in outcome) return answer({ lang, form, at, issues: outcome.issues }, 400);
    return answer({ lang, form, at, result: outcome.result });
  },
};
