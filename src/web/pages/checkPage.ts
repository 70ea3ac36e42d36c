import { parseCheckProfile, type ProfileIssue } from "../../domain/checkProfile.js";
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
import type { ObligationsData } from "../../obligations/obligationsData.js";
import { checkObligations, type CheckResult } from "../../obligations/checkObligations.js";
import { todayUtc } from "../../obligations/deadlines.js";
import { isCheckDate, knownSubdivisions } from "../../obligations/profileInput.js";
import { localHref } from "../i18n/localHref.js";
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
  const zh = lang === "zh";
  const f = input.form;
  const say = (text: LocalizedText) => escapeHtml(pickText(text, lang) ?? "");
  const label = (name: keyof typeof PROFILE_FIELD_LABELS) => say(PROFILE_FIELD_LABELS[name].label);
  const value = (name: string) => escapeHtml(f.get(name) ?? "");
  const checked = (name: string, v: string) => (f.getAll(name).includes(v) ? " checked" : "");
  const select = (name: keyof typeof PROFILE_FIELD_LABELS, choices: [string, string][], hint = "") =>
    `<p><label for="f-${name}">${label(name)}</label><br><select id="f-${name}" name="${name}">${choices
      .map(([v, l]) => option(v, l, (f.get(name) ?? "") === v))
      .join("")}</select>${hint ? ` <span class="muted">${hint}</span>` : ""}</p>`;
  const notStated: [string, string] = ["", zh ? "未说明" : "not stated"];
  const yesNo: [string, string][] = [notStated, ["yes", zh ? "是" : "yes"], ["no", zh ? "否" : "no"]];
  const textField = (name: keyof typeof PROFILE_FIELD_LABELS, hint: string, type = "text") =>
    `<p><label for="f-${name}">${label(name)}</label><br><input id="f-${name}" name="${name}" type="${type}" value="${value(name)}" aria-describedby="h-${name}"> <span id="h-${name}" class="muted">${hint}</span></p>`;
  const roles = ROLES.map(
    (r) => `<li><strong>${say(ROLE_LABELS[r].name)}</strong>：${say(ROLE_LABELS[r].means)}</li>`,
  )
    .join("")
    .replaceAll("：", zh ? "：" : ": ");
  const numberHint = zh ? "例如 3e25、3×10^25 或 10^25" : "e.g. 3e25, 3×10^25 or 10^25";
  return `<form method="get" action="/check" class="check-form">
<input type="hidden" name="lang" value="${lang}">
${select(
  "kind",
  (["model", "service"] as const).map((k): [string, string] => [k, pickText(KIND_LABELS[k], lang) ?? k]),
)}
${select("role", [notStated, ...ROLES.map((r): [string, string] => [r, pickText(ROLE_LABELS[r].name, lang) ?? r])])}
<ul class="muted">${roles}</ul>
${select("underOwnName", yesNo, zh ? "开发者适用" : "for a developer")}
${textField("trainingFlop", numberHint)}
${textField("fineTuningFlop", zh ? "加州 SB 53 和韩国计入" : "SB 53 and Korea count it")}
${textField("annualRevenueUsd", zh ? "例如 2e9 或 2,000,000,000" : "e.g. 2e9 or 2,000,000,000")}
${textField("annualRevenueKrw", zh ? "韩国国内代理人门槛" : "Korea's domestic-agent threshold")}
${textField("aiServiceRevenueKrw", zh ? "韩国国内代理人门槛" : "Korea's domestic-agent threshold")}
${textField("dailyUsersKr", zh ? "韩国国内代理人门槛" : "Korea's domestic-agent threshold")}
${textField("placedOnMarket", "YYYY-MM-DD", "date")}
<fieldset><legend>${label("markets")}</legend>${MARKET_CHOICES.map(
    (m) =>
      `<label><input type="checkbox" name="markets" value="${m}"${checked("markets", m)}> ${escapeHtml(input.name(m))}</label>`,
  ).join(" ")}
<p><label for="f-otherMarkets">${zh ? "其他市场代码" : "Other market codes"}</label> <input id="f-otherMarkets" name="otherMarkets" value="${value("otherMarkets")}"></p></fieldset>
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
<p><button type="submit">${zh ? "检查" : "Check"}</button></p>
</form>`;
}

function checkBodyHtml(input: CheckPageInput): string {
  const zh = input.lang === "zh";
  const issues = input.issues?.length
    ? `<div role="alert" id="profile-errors"><h2>${zh ? "画像有误" : "The profile has problems"}</h2><ul>${input.issues
        .map(
          (i) =>
            `<li><a href="#f-${escapeHtml(i.field.split(".")[0] ?? "")}">${escapeHtml(pickText(fieldLabel(i.field), input.lang) ?? i.field)}</a>: ${escapeHtml(i.message)}</li>`,
        )
        .join("")}</ul></div>`
    : "";
  const result = input.result ? checkResultHtml(input.result, input.data, input.lang) : "";
  return `<h1>${zh ? "哪些规则约束您的模型或服务" : "Which rules bind your model or service"}</h1>
<p class="muted">${
    zh
      ? "依据欧盟、加州、中国、韩国、日本、越南的法律文本，逐条注明条款。不是法律意见。"
      : "From the texts of EU, Californian, Chinese, Korean, Japanese and Vietnamese law, each duty with its article. Not legal advice."
  } <a href="${localHref("/coverage", input.lang)}">${zh ? "涵盖范围：已建模与未建模的规则" : "Coverage: what is modelled and what is not"}</a> · <a href="/api/docs">POST /api/check</a></p>
${issues}
${result}
${result ? `<h2>${zh ? "修改您的回答" : "Change your answers"}</h2>` : ""}
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
    const title = lang === "zh" ? "义务检查" : "Obligations check";
    const name = (code: string) => request.name(code, lang);
    const answer = (input: Omit<CheckPageInput, "data" | "name">, status = 200) => ({
      status,
      title,
      body: unsafeRaw(checkBodyHtml({ ...input, data, name })),
    });
    if (!form.has("kind")) return answer({ lang, form, at });
    const issues: ProfileIssue[] = [];
    if (!isCheckDate(at)) issues.push({ field: "at", message: "expected a date written YYYY-MM-DD" });
    const parsed = parseCheckProfile(profileFromForm(form), knownSubdivisions(data));
    if ("issues" in parsed) issues.push(...parsed.issues);
    if (issues.length || "issues" in parsed) return answer({ lang, form, at, issues }, 400);
    return answer({ lang, form, at, result: checkObligations(data, parsed.profile, at) });
  },
};
