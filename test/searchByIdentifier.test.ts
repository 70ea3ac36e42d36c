import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { SearchAllAnswer } from "../src/app/searchCatalog.js";
import type { AigovApp } from "../src/server/createApp.js";
import { startInProcessApp } from "./inProcessApp.js";

// What legal users type, each with the result they expect first (GET /api/search, bundled data): an
// identifier however it is written, a title or its short name, a threshold. `first` is the id of the
// first result; a list admits any of equal standing (the duties a threshold defines).
const SYSTEMIC_RISK_DUTIES = [
  "eu-ai-act.art-52-1",
  "eu-ai-act.art-53-1-a",
  "eu-ai-act.art-53-1-b",
  "eu-ai-act.art-54-1",
  "eu-ai-act.art-55-1",
];
const SB_53_EVENT = "2025-us-ca-sb-53-frontier-ai-transparency-act";
const TABLE: { q: string; lang?: "zh" | "en"; first: string | string[] }[] = [
  // The EU AI Act by number, CELEX, ELI-like path and title.
  { q: "2024/1689", first: "eu-ai-act" },
  { q: "Regulation (EU) 2024/1689", first: "eu-ai-act" },
  { q: "32024R1689", first: "eu-ai-act" },
  { q: "eli/reg/2024/1689", first: "eu-ai-act" },
  { q: "AI Act", lang: "en", first: "eu-ai-act" },
  { q: "Artificial Intelligence Act", lang: "en", first: "eu-ai-act" },
  { q: "C(2025) 5045", first: "eu-gpai-guidelines" },
  { q: "2026/1744", first: "eu-digital-omnibus-ai" },
  // Thresholds, however written.
  { q: "10^25", first: SYSTEMIC_RISK_DUTIES },
  { q: "1e25", first: SYSTEMIC_RISK_DUTIES },
  { q: "10²⁵", first: SYSTEMIC_RISK_DUTIES },
  { q: "10^{25}", first: SYSTEMIC_RISK_DUTIES },
  { q: "10^26 FLOP", first: SB_53_EVENT },
  // Bills and acts of the United States.
  { q: "SB 53", first: "us-ca-sb-53" },
  { q: "SB53", first: "us-ca-sb-53" },
  { q: "sb 53", first: "us-ca-sb-53" },
  { q: "AB 2013", first: "us-ca-ab-2013" },
  { q: "SB 942", first: "us-ca-ai-transparency-act" },
  { q: "SB 24-205", first: "us-co-sb-24-205" },
  { q: "HB 149", first: "us-tx-traiga" },
  { q: "H.B. 149", first: "us-tx-traiga" },
  { q: "HB 3773", first: "us-il-hb-3773" },
  { q: "S.B. 149", first: "us-ut-ai-policy-act" },
  { q: "RAISE Act", first: "us-ny-raise-act" },
  { q: "Local Law 144", first: "us-nyc-ll144" },
  { q: "EO 14179", first: "us-eo-14179" },
  { q: "Executive Order 14110", first: "us-eo-14110" },
  { q: "90 FR 8741", first: "us-eo-14179" },
  // China's standard and measures, by number and by Chinese title.
  { q: "GB 45438-2025", first: "cn-gb-45438-2025" },
  { q: "GB 45438", first: "cn-gb-45438-2025" },
  { q: "GB45438", first: "cn-gb-45438-2025" },
  { q: "深度合成", first: "cn-deep-synthesis-provisions" },
  { q: "生成式人工智能服务管理暂行办法", first: "cn-genai-interim-measures" },
  // Elsewhere.
  { q: "134/2025/QH15", first: "vn-ai-law" },
  { q: "Act No. 20676", first: "kr-ai-basic-act" },
  { q: "AI Basic Act", lang: "en", first: "kr-ai-basic-act" },
  { q: "PL 2338/2023", first: "br-pl-2338-2023" },
  { q: "Legge 132", first: "it-law-132-2025" },
  { q: "230-VIII", first: "kz-ai-law" },
  // Events, where no instrument is named.
  { q: "ISO/IEC TS 6254", first: "2025-iso-iec-ts-6254-explainability" },
  { q: "Genesis Mission", lang: "en", first: "2025-us-genesis-mission" },
];

describe("search by identifier, title and threshold (GET /api/search)", () => {
  let app: AigovApp;
  let stop: () => Promise<void>;
  before(async () => {
    ({ app, stop } = await startInProcessApp());
  });
  after(() => stop());

  const search = async (query: Record<string, string>) => {
    const response = await app.hono.request(`http://localhost/api/search?${new URLSearchParams(query)}`);
    return { status: response.status, body: (await response.json()) as SearchAllAnswer };
  };

  it(`puts the expected result first for each of ${TABLE.length} queries`, async () => {
    const wrong: string[] = [];
    for (const { q, lang = "zh", first } of TABLE) {
      const { status, body } = await search({ q, lang });
      assert.equal(status, 200, q);
      const got = body.results[0]?.id ?? "(nothing)";
      const expected = Array.isArray(first) ? first : [first];
      if (!expected.includes(got))
        wrong.push(
          `${q}: ${got} first, expected ${expected.join(" or ")} (then ${body.results
            .slice(1, 4)
            .map((r) => r.id)
            .join(", ")})`,
        );
    }
    assert.deepEqual(wrong, []);
  });

  it("counts each kind and keeps to the kinds asked for", async () => {
    const all = await search({ q: "SB 53", lang: "en" });
    assert.ok(
      all.body.facets.kind.instrument >= 1 &&
        all.body.facets.kind.duty >= 1 &&
        all.body.facets.kind.event >= 1,
    );
    const duties = await search({ q: "SB 53", kind: "duty" });
    assert.ok(duties.body.results.length > 0 && duties.body.results.every((r) => r.kind === "duty"));
    assert.deepEqual(duties.body.facets, all.body.facets, "the counts do not depend on the kinds shown");
    const [duty] = duties.body.results;
    assert.match(duty?.page ?? "", /^\/instruments\/us-ca-sb-53\?lang=zh#us-ca-sb-53\./);
  });

  it("refuses no words or an unknown kind with a 400 naming the parameter", async () => {
    const refused: Record<string, string>[] = [
      { q: "" },
      { q: "SB 53", kind: "treaty" },
      { q: "x", limit: "0" },
    ];
    for (const query of refused) {
      const response = await app.hono.request(`http://localhost/api/search?${new URLSearchParams(query)}`);
      assert.equal(response.status, 400, JSON.stringify(query));
      assert.match(((await response.json()) as { detail: string }).detail, /q|kind|limit/);
    }
  });
});
