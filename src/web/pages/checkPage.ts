import type { ProfileIssue } from "../../domain/checkProfile.js";
import { type Language, type LocalizedText, pickText } from "../../domain/localizedText.js";
import { MODALITIES, ROLES, SECTORS } from "../../domain/obligation.js";
import {
  fieldLabel,
  KIND_LABELS,
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

const MARKET_CHOICES = ["EU", "CN", "US-CA", "US", "KR", "JP", "VN"] as const;
const FLAGS = ["generatesContent", "interactsWithPeople", "openWeights", "underOwnName"] as const;
const NUMBERS = [
  "trainingFlop",
  "fineTuningFlop",
  "annualRevenueUsd",
  "annualRevenueKrw",
  "aiServiceRevenueKrw",
  "dailyUsersKr",
] as const;

/**
 * A profile from the form's fields. Empty fields are left out (the answer then says what they would
 * decide); numbers are passed as written, for the profile schema reads `3×10^25` as well as `3e25`.
 */
export function profileFromForm(form: URLSearchParams): Record<string, unknown> {
  const profile: Record<string, unknown> = {};
  const text = (name: string) => form.get(name)?.trim() ?? "";
  if (text("kind")) profile.kind = text("kind");
  if (text("role")) profile.role = text("role");
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
  if (text("establishedIn")) profile.establishedIn = text("establishedIn").toUpperCase();
  if (text("placedOnMarket")) profile.placedOnMarket = text("placedOnMarket");
  if (text("sector")) profile.sector = text("sector");
  return profile;
}

interface CheckPageInput {
  name: (code: string) => string;
  lang: Language;
  form: URLSearchParams;
  at: string;
  data: ObligationsData;
  result?: CheckResult;
  issues?: ProfileIssue[];
}

const option = (value: string, label: string, selected: boolean) =>
  `<option value="${escapeHtml(value)}"${selected ? " selected" : ""}>${escapeHtml(label)}</option>`;

function formHtml(input: CheckPageInput): string {
  const lang = input.lang;
  const tr = translator(lang);
  const f = input.form;
  const say = (text: LocalizedText) => escapeHtml(pickText(text, lang) ?? "");
  const label = (name: keyof typeof PROFILE_FIELD_LABELS) => say(PROFILE_FIELD_LABELS[name].label);
  const value = (name: string) => escapeHtml(f.get(name) ?? "");
  const checked = (name: string, v: string) => (f.getAll(name).includes(v) ? " checked" : "");
  const select = (name: keyof typeof PROFILE_FIELD_LABELS, choices: [string, string][], hint = "") =>
    `<p><label for="f-${name}">${label(name)}</label><br><select id="f-${name}" name="${name}">${choices
      .map(([v, l]) => option(v, l, (f.get(name) ?? "") === v))
      .join("")}</select>${hint ? ` <span class="muted">${hint}</span>` : ""}</p>`;
  const notStated: [string, string] = ["", tr("check.notStated")];
  const yesNo: [string, string][] = [notStated, ["yes", tr("check.yes")], ["no", tr("check.no")]];
  const textField = (name: keyof typeof PROFILE_FIELD_LABELS, hint: string, type = "text") =>
    `<p><label for="f-${name}">${label(name)}</label><br><input id="f-${name}" name="${name}" type="${type}" value="${value(name)}" aria-describedby="h-${name}"> <span id="h-${name}" class="muted">${hint}</span></p>`;
  const roles = ROLES.map(
    (r) => `<li><strong>${say(ROLE_LABELS[r].name)}</strong>：${say(ROLE_LABELS[r].means)}</li>`,
  )
    .join("")
    .replaceAll("：", tr("check.roleColon"));
  const numberHint = tr("check.numberHint");
  return `<form method="get" action="/check" class="check-form">
<input type="hidden" name="lang" value="${lang}">
${select(
  "kind",
  (["model", "service"] as const).map((k): [string, string] => [k, pickText(KIND_LABELS[k], lang) ?? k]),
)}
${select("role", [notStated, ...ROLES.map((r): [string, string] => [r, pickText(ROLE_LABELS[r].name, lang) ?? r])])}
<ul class="muted">${roles}</ul>
${select("underOwnName", yesNo, tr("check.underOwnNameHint"))}
${textField("trainingFlop", numberHint)}
${textField("fineTuningFlop", tr("check.fineTuningHint"))}
${textField("annualRevenueUsd", tr("check.revenueUsdHint"))}
${textField("annualRevenueKrw", tr("check.koreaAgentHint"))}
${textField("aiServiceRevenueKrw", tr("check.koreaAgentHint"))}
${textField("dailyUsersKr", tr("check.koreaAgentHint"))}
${textField("placedOnMarket", "YYYY-MM-DD", "date")}
<fieldset><legend>${label("markets")}</legend>${MARKET_CHOICES.map(
    (m) =>
      `<label><input type="checkbox" name="markets" value="${m}"${checked("markets", m)}> ${escapeHtml(input.name(m))}</label>`,
  ).join(" ")}
<p><label for="f-otherMarkets">${tr("check.otherMarkets")}</label> <input id="f-otherMarkets" name="otherMarkets" value="${value("otherMarkets")}"></p></fieldset>
<fieldset><legend>${label("modalities")}</legend>${MODALITIES.map(
    (m) =>
      `<label><input type="checkbox" name="modalities" value="${m}"${checked("modalities", m)}> ${say(MODALITY_LABELS[m])}</label>`,
  ).join(" ")}</fieldset>
${select("generatesContent", yesNo)}
${select("interactsWithPeople", yesNo)}
${select("openWeights", yesNo)}
${textField("establishedIn", "US, DE, CN…")}
${select("sector", [notStated, ...SECTORS.map((s): [string, string] => [s, pickText(SECTOR_LABELS[s], lang) ?? s])])}
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
  // The form's fields: markets and modalities are checkboxes, every other field one value.
  parameters: {
    ...Object.fromEntries(
      [
        "kind",
        "role",
        ...NUMBERS,
        ...FLAGS,
        "otherMarkets",
        "establishedIn",
        "placedOnMarket",
        "sector",
        "at",
      ].map((name) => [name, "once"] as const),
    ),
    markets: "list",
    modalities: "list",
  },
  render: async (request) => {
    const { lang, url } = request;
    const data = request.obligations;
    const form = url.searchParams;
    const at = form.get("at")?.trim() || todayUtc();
    const title = translator(lang)("check.title");
    const name = (code: string) => request.name(code, lang);
    const answer = (input: Omit<CheckPageInput, "data" | "name">, status = 200) => ({
      status,
      title,
      body: unsafeRaw(checkBodyHtml({ ...input, data, name })),
    });
    if (!form.has("kind")) return answer({ lang, form, at });
    const outcome = checkProfile(request.context, { profile: profileFromForm(form) }, at);
    if ("issues" in outcome) return answer({ lang, form, at, issues: outcome.issues }, 400);
    return answer({ lang, form, at, result: outcome.result });
  },
};
