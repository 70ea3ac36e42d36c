import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type CheckProfile, CheckProfile as ProfileSchema } from "../domain/checkProfile.js";
import { checkObligations } from "./checkObligations.js";
import { inLawOn } from "../domain/obligation.js";
import { readObligationsData } from "../reference/obligationsData.js";

const data = readObligationsData();

type Expect = "applies" | "upcoming" | "notApplicable" | "missing";

/** Where one duty landed for a profile on a day, with the article that decided it. */
function outcome(profile: CheckProfile, at: string, obligation: string) {
  const result = checkObligations(data, ProfileSchema.parse(profile), at);
  for (const place of ["applies", "upcoming", "notApplicable"] as const) {
    const item = result[place].find((i) => i.obligation === obligation);
    if (item) return { place: place as Expect, item, result };
  }
  const missing = result.missing.filter((m) => m.decides.includes(obligation)).map((m) => m.field);
  assert.ok(missing.length, `${obligation} is nowhere in the answer`);
  return { place: "missing" as Expect, item: undefined, missing, result };
}

// Profiles built from a base, so each row shows only what it varies.
const gpai = (over: Partial<CheckProfile> = {}): CheckProfile => ({
  kind: "model",
  role: "provider",
  trainingFlop: 5e24,
  openWeights: false,
  markets: ["EU"],
  establishedIn: "DE",
  placedOnMarket: "2025-09-01",
  ...over,
});
const frontier = (over: Partial<CheckProfile> = {}): CheckProfile => ({
  kind: "model",
  role: "developer",
  trainingFlop: 2e26,
  fineTuningFlop: 0,
  annualRevenueUsd: 1e9,
  markets: ["US-CA"],
  ...over,
});
const service = (over: Partial<CheckProfile> = {}): CheckProfile => ({
  kind: "service",
  role: "provider",
  generatesContent: true,
  interactsWithPeople: true,
  modalities: ["image"],
  placedOnMarket: "2026-03-01",
  establishedIn: "KR",
  ...over,
});

interface Scenario {
  name: string;
  profile: CheckProfile;
  at: string;
  obligation: string;
  expect: Expect;
  /** The article that decides the answer: the reason's article, the citation, or the transition. */
  article?: string;
  from?: string;
  /** A compliance deadline the answer must name (a transition of kind "deadline"). */
  complyBy?: string;
  /** A date the answer must give as an alternative for an open question. */
  alternative?: string;
  missing?: string;
}

const SB = "us-ca-sb-53.";
const EU = "eu-ai-act.";
const SCENARIOS: Scenario[] = [
  // The 10^23 FLOP indicative criterion of the Commission's GPAI guidelines: "greater than".
  {
    name: "GPAI: exactly 1e23 FLOP",
    profile: gpai({ trainingFlop: 1e23 }),
    at: "2026-01-01",
    obligation: `${EU}art-53-1-a`,
    expect: "notApplicable",
    article: "Art. 3(63)",
  },
  {
    name: "GPAI: just below 1e23",
    profile: gpai({ trainingFlop: 9.9e22 }),
    at: "2026-01-01",
    obligation: `${EU}art-53-1-a`,
    expect: "notApplicable",
    article: "Art. 3(63)",
  },
  {
    name: "GPAI: just above 1e23",
    profile: gpai({ trainingFlop: 1.01e23 }),
    at: "2026-01-01",
    obligation: `${EU}art-53-1-a`,
    expect: "applies",
    article: "Art. 53(1)(a)",
  },
  // The 10^25 FLOP presumption of Art. 51(2): "greater than".
  {
    name: "systemic risk: exactly 1e25",
    profile: gpai({ trainingFlop: 1e25 }),
    at: "2026-01-01",
    obligation: `${EU}art-55-1`,
    expect: "notApplicable",
    article: "Art. 51(2)",
  },
  {
    name: "systemic risk: just below 1e25",
    profile: gpai({ trainingFlop: 9.9e24 }),
    at: "2026-01-01",
    obligation: `${EU}art-55-1`,
    expect: "notApplicable",
    article: "Art. 51(2)",
  },
  {
    name: "systemic risk: just above 1e25",
    profile: gpai({ trainingFlop: 1.01e25 }),
    at: "2026-01-01",
    obligation: `${EU}art-55-1`,
    expect: "applies",
    article: "Art. 55(1)",
  },
  {
    name: "systemic risk: notify the Commission just above 1e25",
    profile: gpai({ trainingFlop: 1.01e25 }),
    at: "2026-01-01",
    obligation: `${EU}art-52-1`,
    expect: "applies",
    article: "Art. 52(1)",
  },
  {
    name: "at exactly 1e25 the GPAI duties still apply",
    profile: gpai({ trainingFlop: 1e25 }),
    at: "2026-01-01",
    obligation: `${EU}art-53-1-a`,
    expect: "applies",
    article: "Art. 53(1)(a)",
  },
  // SB 53: more than 10^26 operations, counting later fine-tuning (§ 22757.11).
  {
    name: "SB 53: exactly 1e26",
    profile: frontier({ trainingFlop: 1e26 }),
    at: "2026-06-01",
    obligation: `${SB}bpc-22757-13`,
    expect: "notApplicable",
    article: "§ 22757.11 (frontier model)",
  },
  {
    name: "SB 53: just below 1e26",
    profile: frontier({ trainingFlop: 9.9e25 }),
    at: "2026-06-01",
    obligation: `${SB}bpc-22757-13`,
    expect: "notApplicable",
    article: "§ 22757.11 (frontier model)",
  },
  {
    name: "SB 53: just above 1e26",
    profile: frontier({ trainingFlop: 1.01e26 }),
    at: "2026-06-01",
    obligation: `${SB}bpc-22757-13`,
    expect: "applies",
    article: "§ 22757.13",
  },
  {
    name: "SB 53: fine-tuning pushes 9e25 over 1e26",
    profile: frontier({ trainingFlop: 9e25, fineTuningFlop: 2e25 }),
    at: "2026-06-01",
    obligation: `${SB}bpc-22757-13`,
    expect: "applies",
    article: "§ 22757.13",
  },
  {
    name: "SB 53: below 1e26 without fine-tuning compute is open",
    profile: frontier({ trainingFlop: 9e25, fineTuningFlop: undefined }),
    at: "2026-06-01",
    obligation: `${SB}bpc-22757-13`,
    expect: "missing",
    missing: "fineTuningFlop",
  },
  {
    name: "SB 53: above 1e26 is decided without fine-tuning compute",
    profile: frontier({ fineTuningFlop: undefined }),
    at: "2026-06-01",
    obligation: `${SB}bpc-22757-13`,
    expect: "applies",
    article: "§ 22757.13",
  },
  // Large frontier developer: more than USD 500 million.
  {
    name: "SB 53: revenue exactly USD 500 million",
    profile: frontier({ annualRevenueUsd: 5e8 }),
    at: "2026-06-01",
    obligation: `${SB}bpc-22757-12-a`,
    expect: "notApplicable",
    article: "§ 22757.11 (large frontier developer)",
  },
  {
    name: "SB 53: revenue just below USD 500 million",
    profile: frontier({ annualRevenueUsd: 4.99e8 }),
    at: "2026-06-01",
    obligation: `${SB}bpc-22757-12-a`,
    expect: "notApplicable",
    article: "§ 22757.11 (large frontier developer)",
  },
  {
    name: "SB 53: revenue just above USD 500 million",
    profile: frontier({ annualRevenueUsd: 5.01e8 }),
    at: "2026-06-01",
    obligation: `${SB}bpc-22757-12-a`,
    expect: "applies",
    article: "§ 22757.12(a)",
  },
  {
    name: "SB 53: a smaller frontier developer still reports incidents",
    profile: frontier({ annualRevenueUsd: 5e8 }),
    at: "2026-06-01",
    obligation: `${SB}bpc-22757-13`,
    expect: "applies",
    article: "§ 22757.13",
  },
  // The day before and the day a duty applies.
  {
    name: "SB 53: the day before 1 January 2026",
    profile: frontier(),
    at: "2025-12-31",
    obligation: `${SB}bpc-22757-12-a`,
    expect: "upcoming",
    from: "2026-01-01",
  },
  {
    name: "SB 53: on 1 January 2026",
    profile: frontier(),
    at: "2026-01-01",
    obligation: `${SB}bpc-22757-12-a`,
    expect: "applies",
    from: "2026-01-01",
  },
  {
    name: "EU GPAI: the day before 2 August 2025",
    profile: gpai(),
    at: "2025-08-01",
    obligation: `${EU}art-53-1-c`,
    expect: "upcoming",
    from: "2025-08-02",
  },
  {
    name: "EU GPAI: on 2 August 2025",
    profile: gpai(),
    at: "2025-08-02",
    obligation: `${EU}art-53-1-c`,
    expect: "applies",
    from: "2025-08-02",
  },
  {
    name: "EU Art. 50(2): the day before 2 August 2026",
    profile: service({ markets: ["EU"] }),
    at: "2026-08-01",
    obligation: `${EU}art-50-2@2026-07-27`,
    expect: "upcoming",
    from: "2026-08-02",
  },
  {
    name: "EU Art. 50(2): on 2 August 2026",
    profile: service({ markets: ["EU"] }),
    at: "2026-08-02",
    obligation: `${EU}art-50-2@2026-07-27`,
    expect: "applies",
    article: "Art. 50(2)",
  },
  {
    name: "Korea Art. 31(2): the day before 22 January 2026",
    profile: service({ markets: ["KR"] }),
    at: "2026-01-21",
    obligation: "kr-ai-basic-act.art-31-2",
    expect: "upcoming",
    from: "2026-01-22",
  },
  {
    name: "Korea Art. 31(2): on 22 January 2026",
    profile: service({ markets: ["KR"] }),
    at: "2026-01-22",
    obligation: "kr-ai-basic-act.art-31-2",
    expect: "applies",
    article: "Art. 31(2)",
  },
  {
    name: "China explicit labels: the day before 1 September 2025",
    profile: service({ markets: ["CN"] }),
    at: "2025-08-31",
    obligation: "cn-ai-content-labeling-measures.art-4",
    expect: "upcoming",
    from: "2025-09-01",
  },
  {
    name: "China explicit labels: on 1 September 2025",
    profile: service({ markets: ["CN"] }),
    at: "2025-09-01",
    obligation: "cn-ai-content-labeling-measures.art-4",
    expect: "applies",
    article: "Art. 4",
  },
  // A model placed on the EU market before 2 August 2025 must comply by 2 August 2027 (Art. 111(3)):
  // a deadline to comply by, not a later start.
  {
    name: "legacy EU GPAI placed before 2 August 2025: bound, with a compliance deadline",
    profile: gpai({ placedOnMarket: "2025-03-01" }),
    at: "2026-11-25",
    obligation: `${EU}art-53-1-a`,
    expect: "applies",
    from: "2025-08-02",
    complyBy: "2027-08-02",
    article: "Art. 111(3)",
  },
  {
    name: "legacy EU GPAI placed before 2 August 2025: still bound on 2 August 2027",
    profile: gpai({ placedOnMarket: "2025-03-01" }),
    at: "2027-08-02",
    obligation: `${EU}art-53-1-a`,
    expect: "applies",
    complyBy: "2027-08-02",
  },
  {
    name: "EU GPAI placed on 2 August 2025: no transition",
    profile: gpai({ placedOnMarket: "2025-08-02" }),
    at: "2026-01-01",
    obligation: `${EU}art-53-1-a`,
    expect: "applies",
    from: "2025-08-02",
  },
  {
    name: "EU GPAI without a market date binds now, the deadline told as an alternative",
    profile: gpai({ placedOnMarket: undefined }),
    at: "2026-01-01",
    obligation: `${EU}art-53-1-a`,
    expect: "applies",
    alternative: "2027-08-02",
  },
  {
    name: "EU GPAI without a market date after 2 August 2027 is decided",
    profile: gpai({ placedOnMarket: undefined }),
    at: "2027-09-01",
    obligation: `${EU}art-53-1-a`,
    expect: "applies",
  },
  // A provider outside the EU selling into it.
  {
    name: "non-EU provider appoints an authorised representative",
    profile: gpai({ establishedIn: "US" }),
    at: "2026-01-01",
    obligation: `${EU}art-54-1`,
    expect: "applies",
    article: "Art. 54(1)",
  },
  {
    name: "EU provider needs no authorised representative",
    profile: gpai({ establishedIn: "DE" }),
    at: "2026-01-01",
    obligation: `${EU}art-54-1`,
    expect: "notApplicable",
    article: "Art. 54(1)",
  },
  {
    name: "place of establishment unknown leaves Art. 54 open",
    profile: gpai({ establishedIn: undefined }),
    at: "2026-01-01",
    obligation: `${EU}art-54-1`,
    expect: "missing",
    missing: "establishedIn",
  },
  // Deployer against provider.
  {
    name: "a deployer of a model has no GPAI provider duty",
    profile: gpai({ role: "deployer" }),
    at: "2026-01-01",
    obligation: `${EU}art-53-1-a`,
    expect: "notApplicable",
    article: "Art. 53(1)(a)",
  },
  {
    name: "a deployer of a deep-fake video service discloses",
    profile: service({ role: "deployer", modalities: ["video"], markets: ["EU"] }),
    at: "2026-09-01",
    obligation: `${EU}art-50-4`,
    expect: "applies",
    article: "Art. 50(4)",
  },
  {
    name: "a deployer does not carry the provider's marking duty",
    profile: service({ role: "deployer", modalities: ["video"], markets: ["EU"] }),
    at: "2026-09-01",
    obligation: `${EU}art-50-2@2026-07-27`,
    expect: "notApplicable",
    article: "Art. 50(2)",
  },
  {
    name: "a provider does not carry the deployer's deep-fake duty",
    profile: service({ markets: ["EU"] }),
    at: "2026-09-01",
    obligation: `${EU}art-50-4`,
    expect: "notApplicable",
    article: "Art. 50(4)",
  },
  // Open weights with and without systemic risk.
  {
    name: "open weights without systemic risk: no technical documentation",
    profile: gpai({ openWeights: true }),
    at: "2026-01-01",
    obligation: `${EU}art-53-1-a`,
    expect: "notApplicable",
    article: "Art. 53(2)",
  },
  {
    name: "open weights without systemic risk: copyright policy still due",
    profile: gpai({ openWeights: true }),
    at: "2026-01-01",
    obligation: `${EU}art-53-1-c`,
    expect: "applies",
    article: "Art. 53(1)(c)",
  },
  {
    name: "open weights with systemic risk: technical documentation due",
    profile: gpai({ openWeights: true, trainingFlop: 5e25 }),
    at: "2026-01-01",
    obligation: `${EU}art-53-1-a`,
    expect: "applies",
    article: "Art. 53(1)(a)",
  },
  {
    name: "open weights with systemic risk: Art. 55 due",
    profile: gpai({ openWeights: true, trainingFlop: 5e25 }),
    at: "2026-01-01",
    obligation: `${EU}art-55-1`,
    expect: "applies",
    article: "Art. 55(1)",
  },
  {
    name: "open weights, non-EU, no systemic risk: no representative",
    profile: gpai({ openWeights: true, establishedIn: "US" }),
    at: "2026-01-01",
    obligation: `${EU}art-54-1`,
    expect: "notApplicable",
    article: "Art. 54(6)",
  },
  // A Chinese image service.
  {
    name: "Chinese image service: explicit labels",
    profile: service({ markets: ["CN"] }),
    at: "2026-01-01",
    obligation: "cn-ai-content-labeling-measures.art-4",
    expect: "applies",
    article: "Art. 4",
  },
  {
    name: "Chinese image service: implicit labels",
    profile: service({ markets: ["CN"] }),
    at: "2026-01-01",
    obligation: "cn-ai-content-labeling-measures.art-5",
    expect: "applies",
    article: "Art. 5",
  },
  {
    name: "Chinese image service: GB 45438-2025 methods",
    profile: service({ markets: ["CN"] }),
    at: "2026-01-01",
    obligation: "cn-gb-45438-2025.labeling-methods",
    expect: "applies",
    article: "GB 45438-2025",
  },
  {
    name: "Chinese image service is not a dissemination platform",
    profile: service({ markets: ["CN"] }),
    at: "2026-01-01",
    obligation: "cn-ai-content-labeling-measures.art-6",
    expect: "notApplicable",
    article: "Art. 6",
  },
  {
    name: "Chinese platform verifies labels",
    profile: service({ role: "platform", generatesContent: false, markets: ["CN"] }),
    at: "2026-01-01",
    obligation: "cn-ai-content-labeling-measures.art-6",
    expect: "applies",
    article: "Art. 6",
  },
  // A Korean service.
  {
    name: "Korean image service: advance notice",
    profile: service({ markets: ["KR"] }),
    at: "2026-03-01",
    obligation: "kr-ai-basic-act.art-31-1",
    expect: "applies",
    article: "Art. 31(1)",
  },
  {
    name: "Korean image service: realistic output labelled",
    profile: service({ markets: ["KR"] }),
    at: "2026-03-01",
    obligation: "kr-ai-basic-act.art-31-3",
    expect: "applies",
    article: "Art. 31(3)",
  },
  {
    name: "Korean text service: no realistic-media duty",
    profile: service({ markets: ["KR"], modalities: ["text"] }),
    at: "2026-03-01",
    obligation: "kr-ai-basic-act.art-31-3",
    expect: "notApplicable",
    article: "Art. 31(3)",
  },
  {
    name: "Korean service without its areas: high-impact duties open",
    profile: service({ markets: ["KR"] }),
    at: "2026-03-01",
    obligation: "kr-ai-basic-act.art-34-1",
    expect: "missing",
    missing: "krHighImpactAreas",
  },
  {
    name: "Korean healthcare service: high-impact duties",
    profile: service({
      markets: ["KR"],
      generatesContent: false,
      krHighImpactAreas: ["health-care"],
      significantRiskToRights: true,
    }),
    at: "2026-03-01",
    obligation: "kr-ai-basic-act.art-34-1",
    expect: "applies",
    article: "Art. 34(1)",
  },
  {
    name: "foreign operator in Korea above the decree's user threshold: domestic agent",
    profile: service({ markets: ["KR"], establishedIn: "US", dailyUsersKr: 1e6 }),
    at: "2026-03-01",
    obligation: "kr-ai-basic-act.domestic-agent",
    expect: "applies",
    article: "Art. 36(1)",
  },
  {
    name: "foreign operator in Korea without the thresholds: open",
    profile: service({ markets: ["KR"], establishedIn: "US" }),
    at: "2026-03-01",
    obligation: "kr-ai-basic-act.domestic-agent",
    expect: "missing",
    missing: "dailyUsersKr",
  },
  {
    name: "Korean operator: no domestic agent",
    profile: service({ markets: ["KR"], establishedIn: "KR" }),
    at: "2026-03-01",
    obligation: "kr-ai-basic-act.domestic-agent",
    expect: "notApplicable",
  },
  // A Japanese market: a cooperation duty, no binding duty.
  {
    name: "Japan: cooperation duty only",
    profile: gpai({ markets: ["JP"] }),
    at: "2026-01-01",
    obligation: "jp-ai-promotion-act.art-7",
    expect: "applies",
    article: "Art. 7",
  },
  // A Vietnamese service before and after 1 March 2026.
  {
    name: "Vietnam: new image service the day before 1 March 2026",
    profile: service({ markets: ["VN"] }),
    at: "2026-02-28",
    obligation: "vn-ai-law.art-11-marking",
    expect: "upcoming",
    from: "2026-03-01",
  },
  {
    name: "Vietnam: new image service on 1 March 2026",
    profile: service({ markets: ["VN"] }),
    at: "2026-03-01",
    obligation: "vn-ai-law.art-11-marking",
    expect: "applies",
    article: "Art. 11",
  },
  {
    name: "Vietnam: service already running: 12 months",
    profile: service({ markets: ["VN"], placedOnMarket: "2025-06-01" }),
    at: "2026-06-01",
    obligation: "vn-ai-law.art-11-marking",
    expect: "applies",
    complyBy: "2027-03-01",
    article: "Art. 35(1)",
  },
  {
    name: "Vietnam: health service already running: 18 months",
    profile: service({ markets: ["VN"], placedOnMarket: "2025-06-01", sector: "healthcare" }),
    at: "2027-06-01",
    obligation: "vn-ai-law.art-11-marking",
    expect: "applies",
    complyBy: "2027-09-01",
    article: "Art. 35(1)",
  },
  {
    name: "Vietnam: running service, sector unknown: bound, the 18-month deadline told as an alternative",
    profile: service({ markets: ["VN"], placedOnMarket: "2025-06-01" }),
    at: "2027-06-01",
    obligation: "vn-ai-law.art-11-marking",
    expect: "applies",
    complyBy: "2027-03-01",
    alternative: "2027-09-01",
  },
  {
    name: "Vietnam: text alone is not marked",
    profile: service({ markets: ["VN"], modalities: ["text"] }),
    at: "2026-06-01",
    obligation: "vn-ai-law.art-11-marking",
    expect: "notApplicable",
    article: "Art. 11",
  },
  // Markets.
  {
    name: "a member state is the EU market",
    profile: gpai({ markets: ["FR"] }),
    at: "2026-01-01",
    obligation: `${EU}art-53-1-c`,
    expect: "applies",
  },
  {
    name: '"US" alone leaves California open',
    profile: frontier({ markets: ["US"] }),
    at: "2026-06-01",
    obligation: `${SB}bpc-22757-13`,
    expect: "missing",
    missing: "markets",
  },
  {
    name: "outside the market",
    profile: frontier({ markets: ["EU"] }),
    at: "2026-06-01",
    obligation: `${SB}bpc-22757-13`,
    expect: "notApplicable",
  },
];

describe("checkObligations › scenario table", () => {
  it(`holds at least 40 scenarios (${SCENARIOS.length})`, () => assert.ok(SCENARIOS.length >= 40));
  for (const s of SCENARIOS) {
    it(`${s.name} → ${s.expect}${s.article ? ` (${s.article})` : ""}`, () => {
      const found = outcome(s.profile, s.at, s.obligation);
      assert.equal(found.place, s.expect, JSON.stringify(found.item?.reason ?? found.missing));
      if (s.missing) assert.ok(found.missing?.includes(s.missing), `missing ${found.missing}`);
      if (s.from) assert.equal(found.item?.from, s.from);
      if (s.complyBy) assert.equal(found.item?.complyBy, s.complyBy);
      if (s.alternative)
        assert.ok(
          found.item?.alternatives?.some((a) => a.date === s.alternative),
          JSON.stringify(found.item?.alternatives),
        );
      if (s.article && found.item) {
        const articles = [found.item.decidedBy, found.item.citation.article, found.item.transition?.article];
        assert.ok(
          articles.some((a) => a?.includes(s.article as string)),
          `expected ${s.article} among ${articles.join(" | ")}`,
        );
      }
    });
  }
});

describe("checkObligations", () => {
  it("places every duty exactly once: applies, upcoming, not applicable or under missing", () => {
    const result = checkObligations(data, { kind: "model", markets: ["EU", "CN", "US-CA"] }, "2026-11-25");
    const placed = [...result.applies, ...result.upcoming, ...result.notApplicable].map((i) => i.obligation);
    assert.deepEqual(
      result.open.map((i) => i.obligation).sort(),
      [...new Set(result.missing.flatMap((m) => m.decides))].sort(),
    );
    const open = new Set(result.missing.flatMap((m) => m.decides));
    // Only the versions in law that day are answered (the Digital Omnibus's originals end on 2026-07-26).
    for (const obligation of data.obligations.filter((o) => inLawOn(o, "2026-11-25"))) {
      const count = placed.filter((id) => id === obligation.id).length + (open.has(obligation.id) ? 1 : 0);
      assert.equal(count, 1, obligation.id);
    }
  });

  it("says that the Japanese market holds a cooperation duty and nothing binding", () => {
    const result = checkObligations(data, gpai({ markets: ["JP"] }), "2026-01-01");
    assert.deepEqual(
      result.applies.map((i) => [i.obligation, i.nature]),
      [["jp-ai-promotion-act.art-7", "cooperation"]],
    );
  });

  it("names markets it has no data for instead of answering nothing (AU is Australia)", () => {
    const result = checkObligations(data, gpai({ markets: ["AU", "BR", "DE"] }), "2026-01-01");
    assert.deepEqual(result.uncoveredMarkets, ["AU", "BR"]);
  });

  it("reads Art. 50(2) with the Digital Omnibus's Art. 111(4): a system placed before 2 August 2026 complies by 2 December 2026", () => {
    const result = checkObligations(
      data,
      service({ markets: ["EU"], placedOnMarket: "2026-01-01" }),
      "2026-09-01",
    );
    const marking = result.applies.find((i) => i.obligation === "eu-ai-act.art-50-2@2026-07-27");
    assert.ok(marking);
    assert.equal(marking.complyBy, "2026-12-02");
    assert.equal(marking.transition?.article, "Art. 111(4)");
    // Read in a copy of the Official Journal file, not on EUR-Lex itself: secondary.
    assert.equal(marking.citation.verification, "secondary");
    assert.ok(
      !result.applies.some((i) => i.obligation === "eu-ai-act.art-50-2"),
      "the original is not that day's law",
    );
  });
});

describe("checkObligations › the audit's scenarios", () => {
  const at = "2026-12-02";
  const check = (profile: CheckProfile) => checkObligations(data, ProfileSchema.parse(profile), at);
  const place = (result: ReturnType<typeof check>, id: string) =>
    (["applies", "upcoming", "open", "notApplicable"] as const).find((p) =>
      result[p].some((i) => i.obligation === id),
    );

  it("Hungary is in the EU market (data/jurisdictionGroups.json), so Art. 53(1)(a) binds", () => {
    const result = check(gpai({ markets: ["HU"], establishedIn: "HU" }));
    assert.equal(place(result, `${EU}art-53-1-a`), "applies");
    assert.deepEqual(result.uncoveredMarkets, []);
    assert.equal(result.markets.find((m) => m.jurisdiction === "EU")?.verdict, "binds");
  });

  it("Art. 54(1): a provider established in Hungary needs no authorised representative", () => {
    const result = check(gpai({ markets: ["HU"], establishedIn: "HU" }));
    const item = result.notApplicable.find((i) => i.obligation === `${EU}art-54-1`);
    assert.equal(item?.decidedBy, "Art. 54(1)");
  });

  it("SB 53: a frontier developer with USD 100 million revenue reports incidents without the § 22757.15 penalty", () => {
    const result = check(frontier({ annualRevenueUsd: 1e8 }));
    const incidents = result.applies.find((i) => i.obligation === `${SB}bpc-22757-13`);
    assert.ok(incidents);
    assert.equal(incidents.penalty, null);
    assert.match(incidents.penaltyNotReached?.article ?? "", /§ 22757\.15/);
    assert.equal(result.markets.find((m) => m.jurisdiction === "US-CA")?.penalties.length, 0);
  });

  it("Art. 3(3): a developer placing its model on the EU market under its own name is its provider", () => {
    const own = check(gpai({ role: "developer", underOwnName: true }));
    assert.equal(place(own, `${EU}art-53-1-a`), "applies");
    assert.equal(
      own.applies.find((i) => i.obligation === `${EU}art-53-1-a`)?.asProvider?.article,
      "Art. 3(3)",
    );
    const asked = check(gpai({ role: "developer" }));
    assert.equal(place(asked, `${EU}art-53-1-a`), "open");
    assert.ok(asked.questions.some((q) => q.field === "underOwnName"));
    const other = check(gpai({ role: "developer", underOwnName: false }));
    assert.equal(other.notApplicable.find((i) => i.obligation === `${EU}art-53-1-a`)?.decidedBy, "Art. 3(3)");
  });

  it("Korea Art. 36(1): the domestic agent is open without the decree's thresholds, and decided by them", () => {
    const base = service({ markets: ["KR"], establishedIn: "US" });
    assert.equal(place(check(base), "kr-ai-basic-act.domestic-agent"), "open");
    const small = check({
      ...base,
      annualRevenueKrw: 5e9,
      aiServiceRevenueKrw: 1e9,
      dailyUsersKr: 1000,
      priorCorrectionOrderFine: false,
    });
    const no = small.notApplicable.find((i) => i.obligation === "kr-ai-basic-act.domestic-agent");
    assert.equal(no?.decidedBy, "Art. 36(1); Enforcement Decree");
    const large = check({ ...base, dailyUsersKr: 2e6 });
    assert.match(
      large.applies.find((i) => i.obligation === "kr-ai-basic-act.domestic-agent")?.citation.article ?? "",
      /Art\. 36\(1\)/,
    );
  });

  it("Korea Art. 32: fine-tuning compute counts toward 10^26", () => {
    const model = gpai({
      markets: ["KR"],
      trainingFlop: 9e25,
      fineTuningFlop: 2e25,
      stateOfTheArt: true,
      broadSevereRisk: true,
    });
    assert.equal(place(check(model), "kr-ai-basic-act.art-32"), "applies");
  });

  it("a legacy EU model (placed before 2 August 2025) is bound now with a compliance deadline, Art. 111(3)", () => {
    const item = check(gpai({ placedOnMarket: "2025-03-01" })).applies.find(
      (i) => i.obligation === `${EU}art-53-1-a`,
    );
    assert.equal(item?.complyBy, "2027-08-02");
    assert.equal(item?.transition?.kind, "deadline");
    assert.equal(item?.transition?.article, "Art. 111(3)");
  });

  it("an EU employment-sector service: Art. 50(1) binds from 2 August 2026, and the answer names what it leaves out", () => {
    const result = check(service({ markets: ["EU"], establishedIn: "DE", sector: "employment" }));
    assert.equal(
      result.applies.find((i) => i.obligation === `${EU}art-50-1`)?.citation.article,
      "Art. 50(1)",
    );
    // AI literacy and the prohibitions are modelled now; the high-risk duties ask for the Annex III uses.
    assert.ok(result.applies.some((i) => i.obligation === `${EU}art-4@2026-07-27`));
    assert.ok(result.applies.some((i) => i.obligation === `${EU}art-5-1-a`));
    assert.ok(result.missing.some((m) => m.field === "euHighRiskUses"));
    const eu = result.markets.find((m) => m.jurisdiction === "EU");
    const gaps = eu?.notCovered.map((g) => g.title.en).join(" | ") ?? "";
    for (const part of [/Value-chain cooperation \(Art\. 25/, /Right to an explanation .*\(Art\. 86\)/])
      assert.match(gaps, part);
  });

  it("a CN image service labels explicitly and implicitly (Arts. 4 and 5), and is told what aigov does not model", () => {
    const result = check(service({ markets: ["CN"], establishedIn: "CN" }));
    for (const [id, article] of [
      ["cn-ai-content-labeling-measures.art-4", "Art. 4"],
      ["cn-ai-content-labeling-measures.art-5", "Art. 5"],
    ] as const)
      assert.equal(result.applies.find((i) => i.obligation === id)?.citation.article, article);
    const cn = result.markets.find((m) => m.jurisdiction === "CN");
    const gaps = cn?.notCovered.map((g) => g.title.zh).join(" | ") ?? "";
    for (const law of ["生成式人工智能服务管理暂行办法", "深度合成管理规定", "算法推荐管理规定"])
      assert.ok(gaps.includes(law), `${law} in ${gaps}`);
    const interim = cn?.notCovered.find((g) => g.title.zh?.includes("暂行办法"));
    assert.equal(interim?.since, "2023-08-15");
  });

  it("a market aigov holds no duties for still names what aigov knows there (US: EO 14179 binds agencies)", () => {
    const us = check(service({ markets: ["US"] })).markets.find((m) => m.jurisdiction === "US");
    assert.equal(us?.verdict, "not-covered");
    assert.match(us?.notCovered.map((g) => g.title.en).join(" ") ?? "", /Executive Order 14179/);
  });

  it("a partial 3e25 profile on the EU and US-CA gives a verdict and questions, never an empty answer", () => {
    const result = check({ kind: "model", trainingFlop: 3e25, markets: ["EU", "US-CA"] });
    assert.deepEqual(
      result.markets.map((m) => [m.jurisdiction, m.verdict]),
      // The EU as a market reaches its members' own laws too: Italy's Law 132/2025 is answered beside it.
      [
        ["EU", "open"],
        ["IT", "open"],
        ["US-CA", "open"],
      ],
    );
    assert.equal(result.open.filter((i) => i.jurisdiction === "EU").length, 7);
    assert.ok(result.questions.some((q) => q.field === "role" && q.question.en?.includes("provider")));
  });

  it("SB 53 does not apply to 3×10^25 with no fine-tuning, and says why in numbers", () => {
    // Not a generative system: AB 2013 (training-data documentation) does not apply either.
    const result = check(frontier({ trainingFlop: 3e25, fineTuningFlop: 0, generatesContent: false }));
    const market = result.markets.find((m) => m.jurisdiction === "US-CA");
    assert.equal(market?.verdict, "does-not-apply");
    assert.match(market?.headline.en ?? "", /SB 53\): 3×10\^25 is not above 10\^26/);
  });
});

describe("bundled data › one list per group", () => {
  it("no condition copies the members of a group of data/jurisdictionGroups.json", () => {
    for (const obligation of data.obligations)
      for (const condition of [...obligation.conditions, ...obligation.penaltyConditions])
        for (const test of [...(condition.all ?? []), ...(condition.any ?? [])]) {
          if (!Array.isArray(test.value)) continue;
          for (const group of data.groups) {
            const shared: string[] = test.value.filter((code: string) => group.members?.includes(code));
            assert.ok(
              shared.length < 3,
              `${obligation.id}: ${shared.length} members of ${group.code}; use inGroup`,
            );
          }
        }
  });

  it("every EU member of the groups file reaches the EU market", () => {
    const eu = data.groups.find((g) => g.code === "EU");
    assert.equal(eu?.members?.length, 27);
    for (const member of eu?.members ?? []) {
      const result = checkObligations(data, ProfileSchema.parse(gpai({ markets: [member] })), "2026-01-01");
      assert.ok(
        result.applies.some((i) => i.jurisdiction === "EU"),
        member,
      );
    }
  });
});

describe("the law of the day: versions of a duty, and users counted by market", () => {
  // Two versions of one duty, as an amendment leaves them: the original, in law until the day before
  // the amendment entered into force, applying from 2026-08-02; the amended, in law from then, from
  // 2027-12-02.
  const base = data.obligations.find((o) => o.id === "eu-ai-act.art-50-1");
  assert.ok(base);
  const original = {
    ...base,
    id: "test.original",
    conditions: [],
    transitions: [],
    inLaw: { from: null, until: "2026-07-26", changedBy: null },
    from: "2026-08-02",
  };
  const amended = {
    ...base,
    id: "test.amended",
    conditions: [],
    transitions: [],
    inLaw: {
      from: "2026-07-27",
      until: null,
      changedBy: { instrument: "eu-digital-omnibus-ai", article: "Art. 1" },
    },
    from: "2027-12-02",
  };
  const versioned = { ...data, obligations: [original, amended] };
  const place = (at: string) => {
    const result = checkObligations(versioned, ProfileSchema.parse(service({ markets: ["EU"] })), at);
    return ["applies", "upcoming", "notApplicable", "open"].flatMap((key) =>
      (result[key as "applies"] as { obligation: string; from: string }[]).map(
        (i) => `${key}:${i.obligation}:${i.from}`,
      ),
    );
  };

  it("answers before the amendment with the original version, from the day it entered into force with the amended", () => {
    assert.deepEqual(place("2026-07-26"), ["upcoming:test.original:2026-08-02"]);
    assert.deepEqual(place("2026-07-27"), ["upcoming:test.amended:2027-12-02"]);
    assert.deepEqual(place("2027-12-01"), ["upcoming:test.amended:2027-12-02"]);
    assert.deepEqual(place("2027-12-02"), ["applies:test.amended:2027-12-02"]);
  });

  it("counts users in the market the law names: another market's count leaves it open", () => {
    const counted = {
      ...base,
      id: "test.users",
      transitions: [],
      conditions: [
        {
          all: [{ field: "monthlyUsers" as const, op: "gte" as const, value: 1_000_000, market: "US-CA" }],
          reason: { en: "fewer than 1,000,000 monthly users in California" },
          article: "§ test",
        },
      ],
    };
    const one = { ...data, obligations: [counted] };
    const check = (monthlyUsers?: Record<string, number>) =>
      checkObligations(
        one,
        ProfileSchema.parse(service({ markets: ["EU"], ...(monthlyUsers ? { monthlyUsers } : {}) })),
        "2027-01-01",
      );
    assert.equal(check({ "US-CA": 1_000_000 }).applies.length, 1, "a threshold exactly met binds");
    assert.equal(check({ "US-CA": 999_999 }).notApplicable.length, 1);
    assert.deepEqual(
      check({ CN: 5_000_000 }).missing.map((m) => m.field),
      ["monthlyUsers"],
    );
    assert.deepEqual(
      check().missing.map((m) => m.field),
      ["monthlyUsers"],
    );
  });
});
