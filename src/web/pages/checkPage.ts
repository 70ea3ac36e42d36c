import { parseCheckProfile, type ProfileIssue } from "../../domain/checkProfile.js";
import type { Language } from "../../domain/localizedText.js";
import { MODALITIES, ROLES, SECTORS } from "../../domain/obligation.js";
import { checkObligations, type CheckResult } from "../../obligations/checkObligations.js";
import { todayUtc } from "../../obligations/deadlines.js";
import { isCheckDate, knownSubdivisions } from "../../obligations/profileInput.js";
import { escapeHtml, unsafeRaw } from "../html.js";
import type { WebPage } from "../webPage.js";
import { checkResultHtml } from "./obligationViews.js";

const MARKET_CHOICES = ["EU", "CN", "US-CA", "US", "KR", "JP", "VN"] as const;
const FLAGS = ["generatesContent", "interactsWithPeople", "openWeights"] as const;
const NUMBERS = ["trainingFlop", "fineTuningFlop", "annualRevenueUsd"] as const;

/**
 * A profile from the form's fields. Empty fields are left out (the answer then says what they would
 * decide); a number field that is not a number stays text, so that validation names it.
 */
export function profileFromForm(form: URLSearchParams): Record<string, unknown> {
  const profile: Record<string, unknown> = {};
  const text = (name: string) => form.get(name)?.trim() ?? "";
  if (text("kind")) profile.kind = text("kind");
  if (text("role")) profile.role = text("role");
  for (const name of NUMBERS) {
    const value = text(name);
    if (!value) continue;
    const number = Number(value);
    profile[name] =
      /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(value) && Number.isFinite(number) ? number : value;
  }
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
  lang: Language;
  form: URLSearchParams;
  at: string;
  result?: CheckResult;
  issues?: ProfileIssue[];
}

const option = (value: string, label: string, selected: boolean) =>
  `<option value="${escapeHtml(value)}"${selected ? " selected" : ""}>${escapeHtml(label)}</option>`;

function formHtml(input: CheckPageInput): string {
  const zh = input.lang === "zh";
  const f = input.form;
  const value = (name: string) => escapeHtml(f.get(name) ?? "");
  const checked = (name: string, v: string) => (f.getAll(name).includes(v) ? " checked" : "");
  const select = (name: string, label: string, choices: [string, string][]) =>
    `<p><label for="f-${name}">${label}</label><br><select id="f-${name}" name="${name}">${choices
      .map(([v, l]) => option(v, l, (f.get(name) ?? "") === v))
      .join("")}</select></p>`;
  const yesNo: [string, string][] = [
    ["", zh ? "未说明" : "not stated"],
    ["yes", zh ? "是" : "yes"],
    ["no", zh ? "否" : "no"],
  ];
  const textField = (name: string, label: string, hint: string, type = "text") =>
    `<p><label for="f-${name}">${label}</label><br><input id="f-${name}" name="${name}" type="${type}" value="${value(name)}" aria-describedby="h-${name}"> <span id="h-${name}" class="muted">${hint}</span></p>`;
  return `<form method="get" action="/check" class="check-form">
<input type="hidden" name="lang" value="${input.lang}">
${select("kind", zh ? "类型" : "Kind", [
  ["model", zh ? "模型" : "model"],
  ["service", zh ? "服务" : "service"],
])}
${select("role", zh ? "角色" : "Role", [["", zh ? "未说明" : "not stated"], ...ROLES.map((r): [string, string] => [r, r])])}
${textField("trainingFlop", zh ? "训练算力（FLOP）" : "Training compute (FLOP)", zh ? "例如 3e25" : "e.g. 3e25")}
${textField("fineTuningFlop", zh ? "其后的微调等算力（FLOP）" : "Later fine-tuning compute (FLOP)", zh ? "SB 53 计入" : "SB 53 counts it")}
${textField("annualRevenueUsd", zh ? "年收入（美元）" : "Annual revenue (USD)", zh ? "例如 2e9" : "e.g. 2e9")}
${textField("placedOnMarket", zh ? "投放市场日期" : "Placed on the market", "YYYY-MM-DD", "date")}
<fieldset><legend>${zh ? "市场" : "Markets"}</legend>${MARKET_CHOICES.map(
    (m) => `<label><input type="checkbox" name="markets" value="${m}"${checked("markets", m)}> ${m}</label>`,
  ).join(" ")}
<p><label for="f-otherMarkets">${zh ? "其他市场代码" : "Other market codes"}</label> <input id="f-otherMarkets" name="otherMarkets" value="${value("otherMarkets")}"></p></fieldset>
<fieldset><legend>${zh ? "生成的模态" : "Modalities"}</legend>${MODALITIES.map(
    (m) =>
      `<label><input type="checkbox" name="modalities" value="${m}"${checked("modalities", m)}> ${m}</label>`,
  ).join(" ")}</fieldset>
${select("generatesContent", zh ? "生成内容" : "Generates content", yesNo)}
${select("interactsWithPeople", zh ? "直接与人交互" : "Interacts with people", yesNo)}
${select("openWeights", zh ? "开放权重（自由开源许可）" : "Open weights (free and open-source licence)", yesNo)}
${textField("establishedIn", zh ? "设立地（国家代码）" : "Established in (country code)", "US, DE, CN…")}
${select("sector", zh ? "行业" : "Sector", [["", zh ? "未说明" : "not stated"], ...SECTORS.map((s): [string, string] => [s, s])])}
${textField("at", zh ? "检查日期" : "Check on", "YYYY-MM-DD", "date")}
<p><button type="submit">${zh ? "检查" : "Check"}</button></p>
</form>`;
}

function checkBodyHtml(input: CheckPageInput): string {
  const zh = input.lang === "zh";
  const issues = input.issues?.length
    ? `<div role="alert" id="profile-errors"><h2>${zh ? "画像有误" : "The profile has problems"}</h2><ul>${input.issues
        .map((i) => `<li><code>${escapeHtml(i.field)}</code>: ${escapeHtml(i.message)}</li>`)
        .join("")}</ul></div>`
    : "";
  return `<h1>${zh ? "哪些规则约束您的模型或服务" : "Which rules bind your model or service"}</h1>
<p class="muted">${
    zh
      ? "依据欧盟、加州、中国、韩国、日本、越南的法律文本，逐条注明条款。不是法律意见。"
      : "From the texts of EU, Californian, Chinese, Korean, Japanese and Vietnamese law, each duty with its article. Not legal advice."
  } <a href="/api/docs">POST /api/check</a></p>
${issues}
${formHtml(input)}
${input.result ? checkResultHtml(input.result, input.lang) : ""}`;
}

/**
 * `/check`: the form, and the answer (or the problems with the profile) below it. The form is sent with
 * GET, so that an answer is a link to share and works without JavaScript; the API takes the same
 * profile as JSON at POST /api/check.
 */
export const checkPage: WebPage = {
  path: "/check",
  nav: "check",
  render: async (request) => {
    const { lang, url } = request;
    const data = request.obligations;
    const form = url.searchParams;
    const at = form.get("at")?.trim() || todayUtc();
    const title = lang === "zh" ? "义务检查" : "Obligations check";
    const answer = (input: CheckPageInput, status = 200) => ({
      status,
      title,
      body: unsafeRaw(checkBodyHtml(input)),
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
