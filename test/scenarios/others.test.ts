import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { CheckProfile } from "../../src/domain/checkProfile.js";
import { absentOn, bundledData, outcome, runScenarios, type Scenario } from "../checkScenarios.js";

// Other national laws: Korea's AI Basic Act with its Enforcement Decree (in force 22 January 2026) and the
// amendment of Art. 35(1) (21 July 2026), Italy's Law No. 132/2025 (10 October 2025), Kazakhstan's AI law
// (18 January 2026); Taiwan's AI Basic Act binds no business, and Brazil's bill is pending: never applied.

const KR = "kr-ai-basic-act.";
const IT = "it-law-132-2025.";
const KZ = "kz-ai-law.";

/** A Korean generative image service. */
const krService = (over: Partial<CheckProfile> = {}): CheckProfile => ({
  kind: "service",
  role: "provider",
  markets: ["KR"],
  establishedIn: "KR",
  generatesContent: true,
  interactsWithPeople: true,
  modalities: ["image"],
  ...over,
});
/** A hiring tool used in Korea: a listed area and a significant risk to rights, so high-impact AI. */
const krHighImpact = (over: Partial<CheckProfile> = {}): CheckProfile =>
  krService({
    role: "deployer",
    generatesContent: false,
    modalities: [],
    krHighImpactAreas: ["rights-decisions"],
    significantRiskToRights: true,
    ...over,
  });
/** A frontier model offered in Korea that meets the decree's two qualitative criteria. */
const krModel = (over: Partial<CheckProfile> = {}): CheckProfile => ({
  kind: "model",
  role: "developer",
  markets: ["KR"],
  trainingFlop: 1e26,
  fineTuningFlop: 0,
  stateOfTheArt: true,
  broadSevereRisk: true,
  ...over,
});
/** A foreign operator below every domestic-agent threshold, never fined. */
const foreign = (over: Partial<CheckProfile> = {}): CheckProfile =>
  krService({
    establishedIn: "US",
    annualRevenueKrw: 5e11,
    aiServiceRevenueKrw: 1e9,
    dailyUsersKr: 10_000,
    priorCorrectionOrderFine: false,
    ...over,
  });
/** A chatbot offered in Italy to users from 13. */
const itService = (over: Partial<CheckProfile> = {}): CheckProfile => ({
  kind: "service",
  role: "provider",
  markets: ["IT"],
  establishedIn: "IT",
  generatesContent: true,
  interactsWithPeople: true,
  modalities: ["text"],
  youngestUserAge: 13,
  ...over,
});
/** An Italian employer using AI to allocate and monitor its workers' tasks. */
const itEmployer = (over: Partial<CheckProfile> = {}): CheckProfile =>
  itService({ role: "deployer", generatesContent: false, euHighRiskUses: ["work-management"], ...over });
/** An image generator offered in Kazakhstan. */
const kzService = (over: Partial<CheckProfile> = {}): CheckProfile => ({
  kind: "service",
  role: "provider",
  markets: ["KZ"],
  establishedIn: "KZ",
  generatesContent: true,
  interactsWithPeople: true,
  modalities: ["image", "video"],
  ...over,
});

const SCENARIOS: Scenario[] = [
  // Korea, Art. 31(1): advance notice from 22 January 2026, with a direct fine (Art. 43(1) item 1).
  {
    name: "Korea Art. 31(1): the day before the Act applies",
    profile: krService(),
    at: "2026-01-21",
    obligation: `${KR}art-31-1`,
    expect: "upcoming",
    from: "2026-01-22",
  },
  {
    name: "Korea Art. 31(1): on 22 January 2026, with its fine",
    profile: krService(),
    at: "2026-01-22",
    obligation: `${KR}art-31-1`,
    expect: "applies",
    article: "Art. 31(1)",
    penalty: true,
  },
  {
    name: "Korea Art. 31(1): a non-generative system in a listed area without a significant risk",
    profile: krHighImpact({ significantRiskToRights: false }),
    at: "2026-03-01",
    obligation: `${KR}art-31-1`,
    expect: "notApplicable",
    article: "Art. 31(1); Art. 2(4)",
    reason: /not high-impact/,
  },
  // Korea, Art. 32 with decree Art. 24: all three criteria, 10^26 FLOP or more.
  {
    name: "Korea Art. 32: exactly 10^26 FLOP meets the threshold",
    profile: krModel(),
    at: "2026-03-01",
    obligation: `${KR}art-32`,
    expect: "applies",
    article: "Art. 32",
  },
  {
    name: "Korea Art. 32: just below 10^26 FLOP",
    profile: krModel({ trainingFlop: 9.9e25 }),
    at: "2026-03-01",
    obligation: `${KR}art-32`,
    expect: "notApplicable",
    article: "Enforcement Decree Art. 24",
    reason: /10\^26/,
  },
  {
    name: "Korea Art. 32: above 10^26 FLOP but not state of the art",
    profile: krModel({ trainingFlop: 3e26, stateOfTheArt: false }),
    at: "2026-03-01",
    obligation: `${KR}art-32`,
    expect: "notApplicable",
    article: "Enforcement Decree Art. 24",
    reason: /state-of-the-art/,
  },
  {
    name: "Korea Art. 32: the broad-risk criterion left out",
    profile: krModel({ broadSevereRisk: undefined }),
    at: "2026-03-01",
    obligation: `${KR}art-32`,
    expect: "missing",
    missing: "broadSevereRisk",
  },
  // Korea, Art. 33(1): every operator reviews in advance; no penalty.
  {
    name: "Korea Art. 33(1): any AI service reviews whether it is high-impact, without a fine",
    profile: krService({ generatesContent: false, modalities: [] }),
    at: "2026-03-01",
    obligation: `${KR}art-33-1`,
    expect: "applies",
    article: "Art. 33(1)",
    penalty: false,
  },
  // Korea, Art. 34 and decree Art. 27: high-impact AI needs an area and a significant risk.
  {
    name: "Korea Art. 34(1): a hiring tool with a significant risk to rights",
    profile: krHighImpact(),
    at: "2026-03-01",
    obligation: `${KR}art-34-1`,
    expect: "applies",
    article: "Art. 34(1)",
  },
  {
    name: "Korea Art. 34(1): a listed area but no significant risk",
    profile: krHighImpact({ significantRiskToRights: false }),
    at: "2026-03-01",
    obligation: `${KR}art-34-1`,
    expect: "notApplicable",
    article: "Art. 2(4)",
    reason: /not high-impact/,
  },
  {
    name: "Korea Art. 34(1): none of the listed areas",
    profile: krHighImpact({ krHighImpactAreas: [] }),
    at: "2026-03-01",
    obligation: `${KR}art-34-1`,
    expect: "notApplicable",
    article: "Art. 2(4)",
  },
  {
    name: "Korea Art. 34(1): the areas left out are asked",
    profile: krHighImpact({ krHighImpactAreas: undefined }),
    at: "2026-03-01",
    obligation: `${KR}art-34-1`,
    expect: "missing",
    missing: "krHighImpactAreas",
  },
  {
    name: "Korea decree Art. 27: publish the measures and keep records",
    profile: krHighImpact({ krHighImpactAreas: ["student-evaluation"] }),
    at: "2026-03-01",
    obligation: `${KR}art-34-decree-27`,
    expect: "applies",
    article: "Enforcement Decree Art. 27",
  },
  // Korea, Art. 35(1): an endeavour; amended on 21 July 2026 (Act No. 21311).
  {
    name: "Korea Art. 35(1): the day before the amendment, the original endeavour",
    profile: krHighImpact(),
    at: "2026-07-20",
    obligation: `${KR}art-35-1`,
    expect: "applies",
    article: "Art. 35(1)",
    penalty: false,
  },
  {
    name: "Korea Art. 35(1): on 21 July 2026, the amended text with vulnerable groups",
    profile: krHighImpact(),
    at: "2026-07-21",
    obligation: `${KR}art-35-1@2026-07-21`,
    expect: "applies",
    article: "Act No. 21311",
    penalty: false,
  },
  // Korea, Art. 36(1) with decree Art. 29: any one of four triggers, each met at its amount.
  {
    name: "Korea domestic agent: total revenue of exactly KRW 1 trillion",
    profile: foreign({ annualRevenueKrw: 1e12 }),
    at: "2026-03-01",
    obligation: `${KR}domestic-agent`,
    expect: "applies",
    article: "Art. 36(1)",
    penalty: true,
  },
  {
    name: "Korea domestic agent: AI-service revenue of exactly KRW 10 billion",
    profile: foreign({ aiServiceRevenueKrw: 1e10 }),
    at: "2026-03-01",
    obligation: `${KR}domestic-agent`,
    expect: "applies",
    article: "Art. 36(1)",
  },
  {
    name: "Korea domestic agent: exactly 1,000,000 daily users in Korea",
    profile: foreign({ dailyUsersKr: 1_000_000 }),
    at: "2026-03-01",
    obligation: `${KR}domestic-agent`,
    expect: "applies",
    article: "Art. 36(1)",
  },
  {
    name: "Korea domestic agent: 999,999 daily users and no other trigger",
    profile: foreign({ dailyUsersKr: 999_999 }),
    at: "2026-03-01",
    obligation: `${KR}domestic-agent`,
    expect: "notApplicable",
    article: "Art. 36(1); Enforcement Decree",
  },
  {
    name: "Korea domestic agent: a small operator once fined for ignoring an order",
    profile: foreign({ priorCorrectionOrderFine: true }),
    at: "2026-03-01",
    obligation: `${KR}domestic-agent`,
    expect: "applies",
    article: "Art. 36(1)",
  },
  {
    name: "Korea domestic agent: below the thresholds, the past fine left out",
    profile: foreign({ priorCorrectionOrderFine: undefined }),
    at: "2026-03-01",
    obligation: `${KR}domestic-agent`,
    expect: "missing",
    missing: "priorCorrectionOrderFine",
  },
  // Italy, Law No. 132/2025, in force 10 October 2025.
  {
    name: "Italy Art. 4(4): the day before the law took effect",
    profile: itService(),
    at: "2025-10-09",
    obligation: `${IT}art-4-4`,
    expect: "upcoming",
    from: "2025-10-10",
  },
  {
    name: "Italy Art. 4(4): users from 13, on 10 October 2025",
    profile: itService(),
    at: "2025-10-10",
    obligation: `${IT}art-4-4`,
    expect: "applies",
    article: "Art. 4(4)",
    penalty: false,
  },
  {
    name: "Italy Art. 4(4): users from exactly 14",
    profile: itService({ youngestUserAge: 14 }),
    at: "2026-03-01",
    obligation: `${IT}art-4-4`,
    expect: "notApplicable",
    article: "Art. 4(4)",
  },
  {
    name: "Italy Art. 4(4): the users' age left out",
    profile: itService({ youngestUserAge: undefined }),
    at: "2026-03-01",
    obligation: `${IT}art-4-4`,
    expect: "missing",
    missing: "youngestUserAge",
  },
  {
    name: "Italy Art. 4(4): a market of the whole EU reaches Italy's law",
    profile: itService({ markets: ["EU"], establishedIn: "FR" }),
    at: "2026-03-01",
    obligation: `${IT}art-4-4`,
    expect: "applies",
    article: "Art. 4(4)",
  },
  {
    name: "Italy Art. 11(2): an employer managing work with AI informs its workers",
    profile: itEmployer(),
    at: "2026-03-01",
    obligation: `${IT}art-11-2`,
    expect: "applies",
    article: "Art. 11(2)",
    penalty: true,
  },
  {
    name: "Italy Art. 11(2): a deployer with no recruitment or work-management use",
    profile: itEmployer({ euHighRiskUses: [] }),
    at: "2026-03-01",
    obligation: `${IT}art-11-2`,
    expect: "notApplicable",
    article: "Art. 11(2)",
  },
  {
    name: "Italy Art. 11(2): the use left out",
    profile: itEmployer({ euHighRiskUses: undefined }),
    at: "2026-03-01",
    obligation: `${IT}art-11-2`,
    expect: "missing",
    missing: "euHighRiskUses",
  },
  {
    name: "Italy Art. 11: no discriminatory effects in recruitment",
    profile: itEmployer({ euHighRiskUses: ["recruitment"] }),
    at: "2026-03-01",
    obligation: `${IT}art-11-non-discrimination`,
    expect: "applies",
    article: "Art. 11",
  },
  {
    name: "Italy Art. 26: the deepfake offence reaches everyone in the market, with prison",
    profile: itService({ modalities: ["image", "video", "audio"] }),
    at: "2026-03-01",
    obligation: `${IT}art-26-cp-612-quater`,
    expect: "applies",
    article: "612-quater",
    penalty: true,
  },
  // Kazakhstan, Law No. 230-VIII, in force 18 January 2026.
  {
    name: "Kazakhstan Art. 21(2): the day before the law took effect",
    profile: kzService(),
    at: "2026-01-17",
    obligation: `${KZ}art-21-2`,
    expect: "upcoming",
    from: "2026-01-18",
  },
  {
    name: "Kazakhstan Art. 21(2): synthetic results marked from 18 January 2026",
    profile: kzService(),
    at: "2026-01-18",
    obligation: `${KZ}art-21-2`,
    expect: "applies",
    article: "Art. 21(2)",
    penalty: true,
  },
  {
    name: "Kazakhstan Art. 21(2): a system that generates nothing",
    profile: kzService({ generatesContent: false, modalities: [] }),
    at: "2026-03-01",
    obligation: `${KZ}art-21-2`,
    expect: "notApplicable",
    article: "Art. 21(2)",
  },
  {
    name: "Kazakhstan Art. 21(2): whether it generates content left out",
    profile: kzService({ generatesContent: undefined }),
    at: "2026-03-01",
    obligation: `${KZ}art-21-2`,
    expect: "missing",
    missing: "generatesContent",
  },
  {
    name: "Kazakhstan Art. 21(1): users told that a service uses AI",
    profile: kzService({ generatesContent: false }),
    at: "2026-03-01",
    obligation: `${KZ}art-21-1`,
    expect: "applies",
    article: "Art. 21(1)",
  },
  {
    name: "Kazakhstan Art. 17(3): the prohibited capabilities reach every system",
    profile: kzService({ kind: "model", role: "developer" }),
    at: "2026-03-01",
    obligation: `${KZ}art-17-3`,
    expect: "applies",
    article: "Art. 17(3)",
  },
];

runScenarios("Other national laws (KR, IT, KZ) › scenario table", SCENARIOS, 15);

describe("Other national laws › the law of the day and what is never applied", () => {
  it("answers Korea's Art. 35(1) with the original until 20 July 2026 and the amended text from 21 July", () => {
    assert.ok(absentOn(krHighImpact(), "2026-07-20", `${KR}art-35-1@2026-07-21`));
    assert.ok(absentOn(krHighImpact(), "2026-07-21", `${KR}art-35-1`));
    const amended = bundledData.obligations.find((o) => o.id === `${KR}art-35-1@2026-07-21`);
    assert.equal(amended?.inLaw?.changedBy?.instrument, "kr-ai-basic-act-amendment-21311");
    assert.equal(amended?.nature, "endeavour");
  });

  it("never applies Brazil's pending bill: a BR market is uncovered and no BR duty is answered", () => {
    const bill = bundledData.instruments.find((i) => i.id === "br-pl-2338-2023");
    assert.equal(bill?.status, "pending");
    assert.ok(!bundledData.obligations.some((o) => o.jurisdiction === "BR"));
    const { result } = outcome(itService({ markets: ["BR", "IT"] }), "2026-12-03", `${IT}art-4-4`);
    assert.deepEqual(result.uncoveredMarkets, ["BR"]);
    for (const list of [result.applies, result.upcoming, result.open, result.notApplicable])
      assert.ok(!list.some((i) => i.jurisdiction === "BR" || i.instrument === "br-pl-2338-2023"));
  });

  it("records Taiwan's AI Basic Act without business duties, so a TW market is uncovered", () => {
    const act = bundledData.instruments.find((i) => i.id === "tw-ai-basic-act");
    assert.equal(act?.status, "in-force");
    assert.match(act?.statusNote?.en ?? "", /no duty or penalty for businesses/);
    assert.ok(!bundledData.obligations.some((o) => o.instrument === "tw-ai-basic-act"));
    const { result } = outcome(kzService({ markets: ["TW", "KZ"] }), "2026-12-03", `${KZ}art-21-2`);
    assert.deepEqual(result.uncoveredMarkets, ["TW"]);
  });

  it("gives the Korean decree its number and Kazakhstan's law its official number and dates", () => {
    const decree = bundledData.instruments.find((i) => i.id === "kr-ai-basic-act-decree");
    assert.ok(decree?.identifiers.some((x) => x.value === "Presidential Decree No. 36053"));
    assert.ok(decree?.dates.some((d) => d.kind === "in-force" && d.date === "2026-01-22"));
    const kz = bundledData.instruments.find((i) => i.id === "kz-ai-law");
    assert.ok(kz?.identifiers.some((x) => x.value === "No. 230-VIII ЗРК" && x.verification === "official"));
    assert.ok(kz?.dates.some((d) => d.kind === "in-force" && d.date === "2026-01-18"));
  });
});
