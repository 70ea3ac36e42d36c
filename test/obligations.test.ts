import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import ICAL from "ical.js";
import { CheckProfile } from "../src/domain/checkProfile.js";
import { ROLES } from "../src/domain/obligation.js";
import {
  ALGORITHM_TYPE_LABELS,
  CONSEQUENTIAL_DECISION_LABELS,
  EU_HIGH_RISK_USE_LABELS,
  KR_HIGH_IMPACT_AREA_LABELS,
  PROFILE_FIELD_LABELS,
} from "../src/domain/profileLabels.js";
import { bundledObligations } from "../src/reference/obligationsData.js";
import type { AigovApp } from "../src/server/createApp.js";
import { MONTHLY_USER_MARKETS, profileFromForm } from "../src/web/pages/checkPage.js";
import { runCli, tempDir } from "./runCli.js";
import { startInProcessApp } from "./inProcessApp.js";

const MODEL = {
  kind: "model",
  trainingFlop: 3e25,
  modalities: ["text", "image"],
  markets: ["EU", "CN", "US-CA"],
  role: "provider",
  annualRevenueUsd: 2e9,
  placedOnMarket: "2025-03-01",
};
const SERVICE = {
  kind: "service",
  generatesContent: true,
  modalities: ["image", "text"],
  markets: ["CN", "KR"],
  role: "provider",
};

type Result = {
  at: string;
  applies: {
    obligation: string;
    citation: { article: string; url: string };
    from: string;
    title: { en: string };
  }[];
  upcoming: { obligation: string; from: string }[];
  notApplicable: { obligation: string; reason: { en: string } }[];
  missing: { field: string; decides: string[] }[];
};

const writeProfile = (content: unknown) => {
  const file = join(tempDir(), "profile.json");
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
};

describe("aigov check", () => {
  it("prints a verdict per market, duties by title, the compliance deadline, questions and notes", async () => {
    const { code, stdout } = await runCli([
      "check",
      writeProfile(MODEL),
      "--at",
      "2026-11-25",
      "--db",
      "/nonexistent/aigov.db",
    ]);
    assert.equal(code, 0);
    assert.match(stdout, /^Obligations on 2026-11-25/);
    assert.match(
      stdout,
      /European Union \(EU\) — Binds you now: 6 duties; 1 duty cannot be decided yet\n {2}Not a complete answer: aigov knows \d+ more rules here that it does not model/,
    );
    assert.match(
      stdout,
      /Notify the Commission that the model meets the systemic-risk threshold\n {6}Art\. 52\(1\)/,
    );
    assert.match(stdout, /compliance deadline: 2 August 2027 \(Art\. 111\(3\)/);
    assert.match(stdout, /Where is the provider established\? \(Established in/);
    assert.match(stdout, /Note: .*10\^23 FLOP is only the indicative criterion/);
    assert.match(
      stdout,
      /Not covered by aigov \(this answer is not complete\):\n {4}Value-chain cooperation \(Art\. 25\(2\) and \(4\)/,
    );
    assert.doesNotMatch(stdout, /None/);
  });

  it("--json prints { at, applies, upcoming, notApplicable, missing } with citations", async () => {
    const { code, stdout } = await runCli(["check", writeProfile(SERVICE), "--at", "2026-03-01", "--json"]);
    assert.equal(code, 0);
    const result = JSON.parse(stdout) as Result;
    assert.equal(result.at, "2026-03-01");
    const ids = result.applies.map((i) => i.obligation);
    assert.ok(ids.includes("cn-ai-content-labeling-measures.art-4"));
    assert.ok(ids.includes("kr-ai-basic-act.art-31-2"));
    for (const item of result.applies) {
      assert.match(item.citation.url, /^https?:\/\//);
      assert.ok(item.citation.article && item.from && item.title.en);
    }
    assert.ok(result.notApplicable.every((i) => i.reason.en));
  });

  const bad: [string, unknown, RegExp][] = [
    ["negative FLOP", { kind: "model", trainingFlop: -1 }, /trainingFlop: expected zero or more/],
    ["non-numeric FLOP", { kind: "model", trainingFlop: "lots" }, /trainingFlop: /],
    ["an unknown market", { kind: "model", markets: ["XX"] }, /markets\.0: unknown market code "XX"/],
    ["a malformed date", { kind: "model", placedOnMarket: "1 March" }, /placedOnMarket: expected a date/],
    ["an unknown field", { kind: "model", flops: 1 }, /flops: unknown field/],
    ["not JSON", "{ kind: model", /\(body\): not JSON/],
    ["an array", "[]", /expected a JSON object/],
    ["more than 64 KB", JSON.stringify({ kind: "model", name: "x".repeat(70_000) }), /larger than 64 KB/],
  ];
  for (const [what, content, message] of bad)
    it(`exits 1 with one line naming the field for ${what}`, async () => {
      const { code, stderr, stdout } = await runCli(["check", writeProfile(content)]);
      assert.equal(code, 1);
      assert.equal(stdout, "");
      assert.match(stderr, /^error: .*profile\.json: /);
      assert.match(stderr, message);
      assert.equal(stderr.trim().split("\n").length, 1, "one line, no stack trace");
    });

  it("exits 1 for a malformed --at", async () => {
    const { code, stderr } = await runCli(["check", writeProfile(MODEL), "--at", "2026-02-30"]);
    assert.equal(code, 1);
    assert.match(stderr, /--at: expected a date written YYYY-MM-DD/);
  });

  it("aigov instruments lists the instruments; one shows its dates and duties", async () => {
    const all = await runCli(["instruments"]);
    assert.equal(all.code, 0);
    for (const id of [
      "eu-ai-act",
      "us-ca-sb-53",
      "cn-gb-45438-2025",
      "kr-ai-basic-act",
      "jp-ai-promotion-act",
      "vn-ai-law",
    ])
      assert.match(all.stdout, new RegExp(`^${id} `, "m"));
    const one = await runCli(["instruments", "eu-ai-act"]);
    assert.match(one.stdout, /2027-08-02 {2}transition-ends/);
    assert.match(one.stdout, /Art\. 53\(1\)\(a\)/);
    assert.equal((await runCli(["instruments", "nope"])).code, 1);
  });
});

describe("obligations over HTTP (in process, through app.request)", () => {
  let app: AigovApp;
  let stop: () => Promise<void>;
  before(async () => {
    ({ app, stop } = await startInProcessApp());
  });
  after(() => stop());
  const request = (path: string, init?: RequestInit) => app.hono.request(path, init);
  const post = (body: string, query = "") =>
    request(`/api/check${query}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });

  it("POST /api/check answers like aigov check --json", async () => {
    const cli = JSON.parse(
      (await runCli(["check", writeProfile(MODEL), "--at", "2026-11-25", "--json"])).stdout,
    );
    const res = await post(JSON.stringify(MODEL), "?at=2026-11-25");
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), cli);
  });

  const bad: [string, string, string, RegExp][] = [
    ["not JSON", "{", "", /not JSON/],
    ["an unknown field", JSON.stringify({ kind: "model", colour: "red" }), "", /colour: unknown field/],
    ["negative FLOP", JSON.stringify({ kind: "model", trainingFlop: -3 }), "", /trainingFlop/],
    ["an unknown market", JSON.stringify({ kind: "model", markets: ["ZZ"] }), "", /markets\.0/],
    [
      "a malformed date",
      JSON.stringify({ kind: "model", placedOnMarket: "2025/03/01" }),
      "",
      /placedOnMarket/,
    ],
    ["a malformed at", JSON.stringify({ kind: "model" }), "?at=tomorrow", /^at: /],
    ["more than 64 KB", JSON.stringify({ kind: "model", name: "x".repeat(70_000) }), "", /larger than 64 KB/],
  ];
  for (const [what, body, query, detail] of bad)
    it(`POST /api/check with ${what} → 400 problem naming the field`, async () => {
      const res = await post(body, query);
      assert.equal(res.status, 400);
      assert.equal(res.headers.get("content-type"), "application/problem+json");
      const problem = (await res.json()) as { detail: string; errors?: { parameter: string }[] };
      assert.match(problem.detail, detail);
      assert.ok(!problem.detail.includes("    at "), "no stack trace");
    });

  it("GET /api/instruments and /api/instruments/{id}", async () => {
    const list = (await (await request(`/api/instruments`)).json()) as {
      items: { id: string; amendedBy: string[] }[];
    };
    assert.deepEqual(list.items.find((i) => i.id === "eu-ai-act")?.amendedBy, ["eu-digital-omnibus-ai"]);
    const one = (await (await request(`/api/instruments/us-ca-sb-53`)).json()) as {
      obligations: unknown[];
    };
    assert.ok(one.obligations.length >= 3);
    assert.equal((await request(`/api/instruments/nope`)).status, 404);
  });

  it("GET /api/deadlines lists what takes effect next; bad parameters are 400", async () => {
    const res = await request(`/api/deadlines?from=2026-02-01&limit=3`);
    const body = (await res.json()) as { items: { date: string; instrument: string }[] };
    assert.deepEqual(
      body.items.map((d) => `${d.date} ${d.instrument}`),
      ["2026-03-01 vn-ai-law", "2026-07-27 eu-digital-omnibus-ai", "2026-08-02 eu-ai-act"],
    );
    assert.equal((await request(`/api/deadlines?from=soon`)).status, 400);
    assert.equal((await request(`/api/deadlines?limit=0`)).status, 400);
  });

  it("puts each instrument's applicability dates in calendar.ics with stable UIDs", async () => {
    const ics = await (await request(`/api/calendar.ics`)).text();
    const events = new ICAL.Component(ICAL.parse(ics))
      .getAllSubcomponents("vevent")
      .map((v) => new ICAL.Event(v));
    const byUid = new Map(events.map((e) => [e.uid, e]));
    const sb53 = byUid.get("us-ca-sb-53-2026-01-01@aigov-obligations");
    assert.ok(sb53);
    assert.equal(sb53.startDate.toString(), "2026-01-01");
    assert.ok(byUid.has("eu-ai-act-2027-08-02@aigov-obligations"));
    const again = await (await request(`/api/calendar.ics`)).text();
    // DTSTAMP is the moment of the export; everything else must be the same.
    const withoutStamp = (text: string) => text.replace(/^DTSTAMP:.*$/gm, "");
    assert.equal(withoutStamp(again), withoutStamp(ics));
    const onlyEu = await (await request(`/api/calendar.ics?jurisdiction=EU`)).text();
    assert.ok(!onlyEu.includes("us-ca-sb-53-2026-01-01@aigov-obligations"));
  });

  it("shows corrections on the event's JSON, keeping the imported text", async () => {
    const event = (await (
      await request(`/api/events/2025-us-ca-sb-53-frontier-ai-transparency-act`)
    ).json()) as {
      summary: { zh: string };
      corrections: { field: string; correction: { en: string }; sources: string[] }[];
    };
    assert.match(event.summary.zh, /加州议会通过/);
    const said = (field: string) =>
      event.corrections.filter((c) => c.field === field).map((c) => c.correction.en);
    assert.match(said("title").join(" "), /Governor signed SB 53.*13 September 2025/);
    assert.match(said("summary").join(" "), /signed/);
    assert.match(said("summary").join(" "), /more than 10\^26/);
  });

  it("serves the /check form and its answer, escaped, without JavaScript", async () => {
    const form = await (await request(`/check?lang=en`)).text();
    assert.match(form, /<form method="get" action="\/check" class="check-form">/);
    // No inline script: the only scripts are the app bundle and JSON data blocks.
    assert.ok(!/<script(?![^>]*(src="\/assets\/|type="application\/ld\+json"))/.test(form));
    const body = new URLSearchParams({
      kind: "service",
      role: "provider",
      generatesContent: "yes",
      at: "2026-03-01",
    });
    body.append("markets", "KR");
    body.append("modalities", "image");
    body.append("otherMarkets", "<b>");
    body.set("lang", "en");
    const bad = await request(`/check?${body}`);
    assert.equal(bad.status, 400);
    const badHtml = await bad.text();
    assert.ok(!badHtml.includes("<b>") && badHtml.includes('value="&lt;b&gt;"'));
    assert.match(badHtml, /<a href="#f-markets">Markets<\/a>: expected an ISO 3166 code/);
    body.delete("otherMarkets");
    const html = await (await request(`/check?${body}`)).text();
    assert.match(html, /<a href="[^"]+" rel="noopener">Art\. 31\(2\)<\/a>/);
    assert.match(html, /<h3 id="market-KR">South Korea<\/h3>/);
  });

  it("lists what takes effect next on the home page, each instrument linked to its page", async () => {
    const html = await (await request(`/?lang=en`)).text();
    assert.match(html, /What takes effect next/);
    assert.match(html, /<a href="\/instruments\/[a-z0-9-]+\?lang=en">/);
    assert.ok(!html.includes('href="/api/instruments/'));
  });

  it("shows an instrument as a page: status, dates with their sources, its duties with their articles", async () => {
    const html = await (await request(`/instruments/eu-ai-act?lang=en`)).text();
    assert.match(html, /<h1>[^<]*Artificial Intelligence Act/);
    assert.match(html, /<dd>\s*in force/);
    assert.match(html, /<time datetime="2026-08-02">/);
    assert.match(html, /<a href="https:\/\/[^"]+" rel="noopener">Art\. 53\(1\)\(a\)<\/a>/);
    assert.match(html, /<li id="eu-ai-act\.art-53-1-a">/);
    assert.match(html, /href="\/api\/instruments\/eu-ai-act"/);
    const zh = await (await request(`/instruments/eu-ai-act?lang=zh`)).text();
    assert.match(zh, /<h1>[^<]*人工智能法/);
    const list = await (await request(`/instruments?lang=en`)).text();
    assert.match(list, /href="\/instruments\/us-ca-sb-53\?lang=en"/);
    const missing = await request(`/instruments/no-such-law?lang=en`);
    assert.equal(missing.status, 404);
    assert.match(await missing.text(), /<h1>Page not found<\/h1>/);
  });

  it("shows SB 53's title correction where the instrument page and /compare list its event", async () => {
    const id = "2025-us-ca-sb-53-frontier-ai-transparency-act";
    for (const path of ["/instruments/us-ca-sb-53?lang=en", "/compare?j=US-CA,EU&lang=en"]) {
      const page = await (await request(`${path}`)).text();
      const at = page.indexOf(`href="/events/${id}?lang=en"`);
      assert.ok(at >= 0, `${path} lists the event`);
      const item = page.slice(at, page.indexOf("</li>", at));
      assert.match(
        item,
        /Corrected: <\/strong\s*><a href="\/events\/[^"]+#correction-\d+"[^>]*>On 29 September 2025 the Governor signed SB 53/,
        path,
      );
    }
  });

  it("says on /coverage, in both languages, what is modelled, what is not, and when it was checked; linked from /check and each instrument", async () => {
    const en = await (await request(`/coverage?lang=en`)).text();
    assert.match(en, /<h1>Coverage<\/h1>/);
    assert.match(en, /<h3>Known and not modelled<\/h3>/);
    assert.match(en, /Value-chain cooperation \(Art\. 25/);
    assert.match(en, /Last checked:\s*<time datetime="\d{4}-\d{2}-\d{2}">/);
    const zh = await (await request(`/coverage?lang=zh`)).text();
    assert.match(zh, /<h1>涵盖范围<\/h1>/);
    assert.match(zh, /生成式人工智能服务管理暂行办法/);
    assert.doesNotMatch(zh, /Known and not modelled|Last checked/);
    assert.match(await (await request(`/check?lang=en`)).text(), /href="\/coverage\?lang=en"/);
    assert.match(
      await (await request(`/instruments/eu-ai-act?lang=en`)).text(),
      /href="\/coverage\?lang=en#EU"/,
    );
    const answer = await (
      await request(
        `/check?lang=en&kind=service&role=provider&generatesContent=yes&sector=employment&markets=EU&establishedIn=DE&at=2026-12-03`,
      )
    ).text();
    assert.match(
      answer,
      /Not a complete answer: aigov knows \d+ more rules here that it does not model \(<a href="#not-covered-EU">/,
    );
    assert.match(answer, /<details class="check-not-covered" id="not-covered-EU" open>/);
    assert.match(answer, /Right to an explanation of individual decision-making \(Art\. 86\)/);
    const api = (await (await request(`/api/coverage`)).json()) as { items: { jurisdiction: string }[] };
    assert.ok(api.items.some((i) => i.jurisdiction === "CN"));
  });

  it("answers a partial profile on the zh page in Chinese: verdicts and questions, no English options", async () => {
    const query = new URLSearchParams({
      kind: "model",
      trainingFlop: "3×10^25",
      at: "2026-12-02",
      lang: "zh",
    });
    query.append("markets", "EU");
    query.append("markets", "US-CA");
    const html = await (await request(`/check?${query}`)).text();
    assert.match(html, /尚无法判定：7 项义务取决于/);
    assert.match(html, /<a href="#f-role">您是它的提供者/);
    assert.match(html, /第53条第1款第\(a\)项/);
    assert.doesNotMatch(html, />None</);
    const options = [...html.matchAll(/<option[^>]*>([^<]*)<\/option>/g)].map((m) => m[1] as string);
    assert.ok(options.length > 10);
    for (const text of options) assert.doesNotMatch(text, /[A-Za-z]{3,}/, text);
    // The answer comes before the form.
    assert.ok(html.indexOf('id="result"') < html.indexOf('class="check-form"'));
  });

  it("links each duty of a check's answer to its instrument's page", async () => {
    const query = new URLSearchParams({
      kind: "model",
      role: "provider",
      trainingFlop: "3e25",
      at: "2026-09-01",
    });
    query.append("markets", "EU");
    query.set("lang", "en");
    const html = await (await request(`/check?${query}`)).text();
    assert.match(html, /<a href="\/instruments\/eu-ai-act\?lang=en">Regulation \(EU\) 2024\/1689/);
  });
});

describe("the /check form: every profile field, asked in plain words; what is left out stays open", () => {
  let app: AigovApp;
  let stop: () => Promise<void>;
  before(async () => {
    ({ app, stop } = await startInProcessApp());
  });
  after(() => stop());
  const page = async (query: string) => {
    const response = await app.hono.request(`/check?${query}`);
    return { status: response.status, html: await response.text() };
  };
  const FIELDS = Object.keys(CheckProfile.shape).filter((field) => field !== "name");

  for (const lang of ["en", "zh"] as const)
    it(`asks every field of the profile on the ${lang} form, each with its id for the answer's links`, async () => {
      const { html } = await page(`lang=${lang}`);
      const form = html.slice(html.indexOf('class="check-form"'));
      for (const field of FIELDS) {
        assert.match(form, new RegExp(`id="f-${field}"`), `${field} has no element in the form`);
        const words = PROFILE_FIELD_LABELS[field as keyof typeof PROFILE_FIELD_LABELS];
        const said = [words.label[lang], words.question[lang]].map((text) =>
          text.replaceAll("&", "&amp;").replaceAll("'", "&#39;"),
        );
        assert.ok(
          said.some((text) => form.includes(text)),
          `${field}: neither its label nor its question is on the ${lang} form`,
        );
      }
      // The groups that keep the form usable, and the value labels of the multiple choices.
      for (const legend of lang === "en"
        ? ["EU high-risk", "US consequential decisions", "China", "Korea"]
        : ["欧盟高风险", "美国：重大决定", "中国", "韩国"])
        assert.match(form, new RegExp(`<legend>${legend}</legend>`));
      assert.ok(form.includes(EU_HIGH_RISK_USE_LABELS.recruitment[lang]));
      assert.ok(form.includes(CONSEQUENTIAL_DECISION_LABELS.housing[lang]));
      assert.ok(form.includes(ALGORITHM_TYPE_LABELS["personalised-push"][lang]));
      assert.ok(form.includes(KR_HIGH_IMPACT_AREA_LABELS["student-evaluation"][lang]));
      for (const market of MONTHLY_USER_MARKETS)
        assert.match(form, new RegExp(`name="monthlyUsers\\.${market}"`));
      assert.match(form, /name="youngestUserAge" type="number"/);
      // Every role, the new ones too, is offered and explained.
      for (const role of ROLES) assert.match(form, new RegExp(`<option value="${role}">`));
      // No script is needed to answer it.
      assert.ok(!/<script(?![^>]*(src="\/assets\/|type="application\/ld\+json"))/.test(html));
    });

  it("asks monthly users for every market whose law counts them", () => {
    const counted = new Set(
      bundledObligations().obligations.flatMap((o) =>
        [...o.conditions, ...o.penaltyConditions].flatMap((c) =>
          [...(c.all ?? []), ...(c.any ?? [])].flatMap((test) =>
            test.field === "monthlyUsers" && test.market ? [test.market] : [],
          ),
        ),
      ),
    );
    for (const market of counted)
      assert.ok((MONTHLY_USER_MARKETS as readonly string[]).includes(market), `${market} is not asked`);
  });

  it("reads a field left at don't know, empty or unticked as not answered, never as no, zero or none", () => {
    const form = new URLSearchParams({
      kind: "service",
      publicBody: "",
      offeredToPublic: "no",
      annexIProduct: "yes",
      youngestUserAge: "",
      "monthlyUsers.US-CA": "",
      "monthlyUsers.CN": "80,000",
      enterpriseSize: "",
    });
    form.append("consequentialDecisions", "none");
    form.append("krHighImpactAreas", "energy");
    form.append("krHighImpactAreas", "transport");
    const profile = profileFromForm(form);
    assert.deepEqual(profile, {
      kind: "service",
      offeredToPublic: false,
      annexIProduct: true,
      monthlyUsers: { CN: "80,000" },
      consequentialDecisions: [],
      krHighImpactAreas: ["energy", "transport"],
    });
    assert.deepEqual(profileFromForm(new URLSearchParams({ kind: "model", youngestUserAge: "0" })), {
      kind: "model",
      youngestUserAge: 0,
    });
  });

  it("answers a partly answered form: the unanswered fields stay open in the form and the answer asks for them", async () => {
    const query = new URLSearchParams({
      lang: "en",
      kind: "service",
      role: "deployer",
      publicBody: "",
      youngestUserAge: "",
      "monthlyUsers.US-CA": "",
      at: "2028-01-01",
    });
    query.append("markets", "EU");
    query.append("euHighRiskUses", "recruitment");
    const { status, html } = await page(query.toString());
    assert.equal(status, 200);
    const answer = html.slice(html.indexOf('id="result"'), html.indexOf('class="check-form"'));
    const form = html.slice(html.indexOf('class="check-form"'));
    // The answer asks the question the form left open, linked to its field.
    assert.match(
      answer,
      /<a href="#f-publicBody">Is the deployer a public body, or a private body providing public services\?<\/a>/,
    );
    // The form keeps what was answered and leaves the rest open.
    assert.match(form, /value="recruitment" checked/);
    assert.match(
      form,
      /<select id="f-publicBody" name="publicBody"><option value="" selected>don&#39;t know<\/option>/,
    );
    assert.match(form, /id="f-youngestUserAge" name="youngestUserAge" type="number" value=""/);
    assert.match(form, /name="monthlyUsers\.US-CA" type="text" inputmode="numeric" value=""/);
    // Each duty says whom it binds and its themes, each a link to the comparison by theme.
    assert.match(answer, /Binds: [a-z]/);
    assert.match(answer, /Themes: <a href="\/compare\/duties\?theme=[a-z-]+&amp;j=EU&amp;lang=en">/);
  });

  it("names a bad answer of a new field in the form's words and links to it", async () => {
    const query = new URLSearchParams({ lang: "en", kind: "service", youngestUserAge: "ten" });
    query.append("euHighRiskUses", "none");
    query.append("euHighRiskUses", "recruitment");
    const { status, html } = await page(query.toString());
    assert.equal(status, 400);
    assert.match(html, /<a href="#f-youngestUserAge">Youngest users&#39; age<\/a>: expected an age in years/);
    assert.match(html, /<a href="#f-euHighRiskUses">EU high-risk uses \(Annex III\)<\/a>/);
  });

  it("renders the new roles in the zh answer, with no English left in its options", async () => {
    const query = new URLSearchParams({ lang: "zh", kind: "service", role: "app-store", at: "2026-12-03" });
    query.append("markets", "CN");
    const { status, html } = await page(query.toString());
    assert.equal(status, 200);
    assert.match(
      html,
      /<option value="app-store" selected>应用程序分发平台|<option value="app-store" selected>/,
    );
    const options = [...html.matchAll(/<option[^>]*>([^<]*)<\/option>/g)].map((m) => m[1] as string);
    for (const text of options) assert.doesNotMatch(text, /[A-Za-z]{3,}/, text);
    assert.match(html, /义务人：/);
  });
});
