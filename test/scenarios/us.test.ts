import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { CheckProfile } from "../../src/domain/checkProfile.js";
import { absentOn, bundledData, outcome, runScenarios, type Scenario } from "../checkScenarios.js";

// The United States: no federal statute binds businesses (the executive orders are context, without
// duties); the states decide. California (SB 53, AB 2013, the AI Transparency Act as amended by AB 853
// and by SB 1000 on 30 September 2026), Colorado (SB 24-205: stayed and repealed before it applied),
// Texas (TRAIGA), Illinois (HB 3773), New York (the RAISE Act as re-enacted in 2026, New York City's
// Local Law 144) and Utah (the AI Policy Act as amended by SB 226).

const SB = "us-ca-sb-53.";
const AB = "us-ca-ab-2013.";
const TA = "us-ca-ai-transparency-act.";
const SB1000 = "@2026-09-30";
const CO = "us-co-sb-24-205.";
const TX = "us-tx-traiga.";
const IL = "us-il-hb-3773.";
const NY = "us-ny-raise-act.";
const NYC = "us-nyc-ll144.";
const UT = "us-ut-ai-policy-act.";

/** A frontier model: 2×10^26 operations, USD 2 billion revenue (a large frontier developer). */
const frontier = (over: Partial<CheckProfile> = {}): CheckProfile => ({
  kind: "model",
  role: "developer",
  trainingFlop: 2e26,
  fineTuningFlop: 0,
  annualRevenueUsd: 2e9,
  markets: ["US-CA"],
  ...over,
});
/** An image generator offered in California with 1,500,000 monthly users there. */
const generator = (over: Partial<CheckProfile> = {}): CheckProfile => ({
  kind: "service",
  role: "provider",
  generatesContent: true,
  interactsWithPeople: true,
  modalities: ["image", "text"],
  markets: ["US-CA"],
  monthlyUsers: { "US-CA": 1_500_000 },
  placedOnMarket: "2024-06-01",
  ...over,
});
/** An employer's screening tool, deployed by the employer. */
const hiring = (over: Partial<CheckProfile> = {}): CheckProfile => ({
  kind: "service",
  role: "deployer",
  consequentialDecisions: ["employment"],
  markets: ["US-IL"],
  ...over,
});

const SCENARIOS: Scenario[] = [
  // California SB 53: from 1 January 2026; thresholds above 10^26 and above USD 500 million.
  {
    name: "SB 53: yearly framework review, the day before 1 January 2026",
    profile: frontier(),
    at: "2025-12-31",
    obligation: `${SB}bpc-22757-12-b`,
    expect: "upcoming",
    from: "2026-01-01",
    article: "§ 22757.12(b)",
  },
  {
    name: "SB 53: yearly framework review, on 1 January 2026",
    profile: frontier(),
    at: "2026-01-01",
    obligation: `${SB}bpc-22757-12-b`,
    expect: "applies",
    article: "§ 22757.12(b)",
    penalty: true,
  },
  {
    name: "SB 53: exactly 10^26 operations is not a frontier model",
    profile: frontier({ trainingFlop: 1e26 }),
    at: "2026-06-01",
    obligation: `${SB}bpc-22757-12-e`,
    expect: "notApplicable",
    article: "§ 22757.11 (frontier model)",
    reason: /10\^26/,
  },
  {
    name: "SB 53: revenue of exactly USD 500,000,000 is not a large frontier developer",
    profile: frontier({ annualRevenueUsd: 500_000_000 }),
    at: "2026-06-01",
    obligation: `${SB}bpc-22757-12-b`,
    expect: "notApplicable",
    article: "§ 22757.11 (large frontier developer)",
  },
  {
    name: "SB 53: no misleading statements binds a small frontier developer, without the § 22757.15 penalty",
    profile: frontier({ annualRevenueUsd: 1e8 }),
    at: "2026-06-01",
    obligation: `${SB}bpc-22757-12-e`,
    expect: "applies",
    article: "§ 22757.12(e)",
    penalty: false,
  },
  {
    name: "SB 53: the internal-use summaries are § 22757.12(d)",
    profile: frontier(),
    at: "2026-06-01",
    obligation: `${SB}bpc-22757-12-oes`,
    expect: "applies",
    article: "§ 22757.12(d)",
  },
  {
    name: 'SB 53: whistleblowers, with "US" alone, asks which states',
    profile: frontier({ markets: ["US"] }),
    at: "2026-06-01",
    obligation: `${SB}lab-1107-1`,
    expect: "missing",
    missing: "markets",
  },
  // AB 2013: training-data documentation from 1 January 2026, for systems released since 2022.
  {
    name: "AB 2013: a system released on 1 January 2022, the day before 1 January 2026",
    profile: generator({ placedOnMarket: "2022-01-01" }),
    at: "2025-12-31",
    obligation: `${AB}civ-3111`,
    expect: "upcoming",
    from: "2026-01-01",
    article: "Civ. Code § 3111",
  },
  {
    name: "AB 2013: a system released on 1 January 2022, on 1 January 2026",
    profile: generator({ placedOnMarket: "2022-01-01" }),
    at: "2026-01-01",
    obligation: `${AB}civ-3111`,
    expect: "applies",
    article: "Civ. Code § 3111",
    penalty: false,
  },
  {
    name: "AB 2013: a system released on 31 December 2021 is outside it",
    profile: generator({ placedOnMarket: "2021-12-31" }),
    at: "2026-06-01",
    obligation: `${AB}civ-3111`,
    expect: "notApplicable",
    article: "Civ. Code § 3111",
  },
  {
    name: "AB 2013: whether it generates content is asked",
    profile: generator({ generatesContent: undefined }),
    at: "2026-06-01",
    obligation: `${AB}civ-3111`,
    expect: "missing",
    missing: "generatesContent",
  },
  // The AI Transparency Act: from 2 August 2026; AB 853's text counts users in California until
  // 29 September 2026, SB 1000's (from 30 September 2026) does not.
  {
    name: "AI Transparency Act: detection tool, the day before 2 August 2026",
    profile: generator(),
    at: "2026-08-01",
    obligation: `${TA}bpc-22757-2`,
    expect: "upcoming",
    from: "2026-08-02",
    article: "§ 22757.2",
  },
  {
    name: "AI Transparency Act: detection tool, on 2 August 2026",
    profile: generator(),
    at: "2026-08-02",
    obligation: `${TA}bpc-22757-2`,
    expect: "applies",
    article: "§ 22757.2",
    penalty: true,
  },
  {
    name: "AI Transparency Act (AB 853): exactly 1,000,000 users in California is not over the threshold",
    profile: generator({ monthlyUsers: { "US-CA": 1_000_000 } }),
    at: "2026-08-02",
    obligation: `${TA}bpc-22757-3-latent`,
    expect: "notApplicable",
    article: "§ 22757.1(d)",
    reason: /1,000,000/,
  },
  {
    name: "AI Transparency Act (AB 853): 1,000,001 users in California, manifest option on 29 September 2026",
    profile: generator({ monthlyUsers: { "US-CA": 1_000_001 } }),
    at: "2026-09-29",
    obligation: `${TA}bpc-22757-3-manifest`,
    expect: "applies",
    article: "§ 22757.3(a) (as amended by AB 853)",
  },
  {
    name: "AI Transparency Act (AB 853): users counted in China decide nothing in California",
    profile: generator({ monthlyUsers: { CN: 5_000_000 } }),
    at: "2026-09-01",
    obligation: `${TA}bpc-22757-3-latent`,
    expect: "missing",
    missing: "monthlyUsers",
  },
  {
    name: "AI Transparency Act (SB 1000): from 30 September 2026 a provider with 10 users embeds the latent disclosure",
    profile: generator({ monthlyUsers: { "US-CA": 10 } }),
    at: "2026-09-30",
    obligation: `${TA}bpc-22757-3-latent${SB1000}`,
    expect: "applies",
    article: "§ 22757.3(a) (as amended by SB 1000)",
  },
  {
    name: "AI Transparency Act (SB 1000): text alone is not covered",
    profile: generator({ modalities: ["text"] }),
    at: "2026-12-03",
    obligation: `${TA}bpc-22757-2${SB1000}`,
    expect: "notApplicable",
    article: "§ 22757.3",
  },
  // Colorado SB 24-205: moved to 30 June 2026, stayed on 27 April 2026, repealed in May 2026.
  {
    name: "Colorado SB 24-205: impact assessment, the day before the stay, still to come on 30 June 2026",
    profile: hiring({ markets: ["US-CO"] }),
    at: "2026-04-26",
    obligation: `${CO}6-1-1703-3`,
    expect: "upcoming",
    from: "2026-06-30",
    article: "§ 6-1-1703(3)",
  },
  {
    name: "Colorado SB 24-205: no consequential decision, not a high-risk system",
    profile: hiring({ markets: ["US-CO"], consequentialDecisions: [] }),
    at: "2026-03-01",
    obligation: `${CO}6-1-1703-4`,
    expect: "notApplicable",
    article: "§ 6-1-1701(3)",
  },
  // Texas TRAIGA: from 1 January 2026.
  {
    name: "Texas: health-care AI disclosure, the day before 1 January 2026",
    profile: { kind: "service", role: "deployer", sector: "healthcare", markets: ["US-TX"] },
    at: "2025-12-31",
    obligation: `${TX}bc-552-051-f`,
    expect: "upcoming",
    from: "2026-01-01",
    article: "§ 552.051(f)",
  },
  {
    name: "Texas: health-care AI disclosure, on 1 January 2026",
    profile: { kind: "service", role: "deployer", sector: "healthcare", markets: ["US-TX"] },
    at: "2026-01-01",
    obligation: `${TX}bc-552-051-f`,
    expect: "applies",
    article: "§ 552.051(f)",
    penalty: true,
  },
  {
    name: "Texas: outside health care, no health-care disclosure",
    profile: { kind: "service", role: "deployer", sector: "finance", markets: ["US-TX"] },
    at: "2026-06-01",
    obligation: `${TX}bc-552-051-f`,
    expect: "notApplicable",
    article: "§ 552.051(f)",
  },
  {
    name: "Texas: the agencies' disclosure does not bind a private company",
    profile: {
      kind: "service",
      role: "deployer",
      publicBody: false,
      interactsWithPeople: true,
      markets: ["US-TX"],
    },
    at: "2026-06-01",
    obligation: `${TX}bc-552-051-b`,
    expect: "notApplicable",
    article: "§ 552.051(b)",
  },
  {
    name: "Texas: the intent-based prohibition binds every developer in Texas",
    profile: { kind: "model", role: "developer", markets: ["US-TX"] },
    at: "2026-06-01",
    obligation: `${TX}bc-552-056`,
    expect: "applies",
    article: "§ 552.056",
  },
  {
    name: "Texas: a state agency may not score people socially",
    profile: { kind: "service", role: "deployer", publicBody: true, markets: ["US-TX"] },
    at: "2026-01-01",
    obligation: `${TX}bc-552-053`,
    expect: "applies",
    article: "§ 552.053",
  },
  {
    name: "Texas: whether the deployer is a governmental entity is asked",
    profile: { kind: "service", role: "deployer", markets: ["US-TX"] },
    at: "2026-06-01",
    obligation: `${TX}bc-552-054-b`,
    expect: "missing",
    missing: "publicBody",
  },
  // Illinois HB 3773: from 1 January 2026, employers using AI in employment decisions.
  {
    name: "Illinois: notice of AI in employment, the day before 1 January 2026",
    profile: hiring(),
    at: "2025-12-31",
    obligation: `${IL}775-ilcs-5-2-102-l-2`,
    expect: "upcoming",
    from: "2026-01-01",
    article: "2-102(L)(2)",
  },
  {
    name: "Illinois: notice of AI in employment, on 1 January 2026",
    profile: hiring(),
    at: "2026-01-01",
    obligation: `${IL}775-ilcs-5-2-102-l-2`,
    expect: "applies",
    article: "2-102(L)(2)",
  },
  {
    name: "Illinois: a profile that leaves its decisions out is asked for them",
    profile: hiring({ consequentialDecisions: undefined }),
    at: "2026-06-01",
    obligation: `${IL}775-ilcs-5-2-102-l-1`,
    expect: "missing",
    missing: "consequentialDecisions",
  },
  {
    name: "Illinois: a credit tool is not an employment decision",
    profile: hiring({ consequentialDecisions: ["credit"] }),
    at: "2026-06-01",
    obligation: `${IL}775-ilcs-5-2-102-l-1`,
    expect: "notApplicable",
    article: "775 ILCS 5/2-102(L)",
  },
  // New York RAISE Act (as re-enacted by Chapter 96 of the Laws of 2026): from 1 January 2027.
  {
    name: "New York RAISE: framework, the day before 1 January 2027",
    profile: frontier({ markets: ["US-NY"] }),
    at: "2026-12-31",
    obligation: `${NY}gbs-1421-1`,
    expect: "upcoming",
    from: "2027-01-01",
    article: "§ 1421(1)",
  },
  {
    name: "New York RAISE: framework, on 1 January 2027",
    profile: frontier({ markets: ["US-NY"] }),
    at: "2027-01-01",
    obligation: `${NY}gbs-1421-1`,
    expect: "applies",
    article: "§ 1421(1)",
    penalty: true,
  },
  {
    name: "New York RAISE: revenue of exactly USD 500,000,000 is not a large frontier developer",
    profile: frontier({ markets: ["US-NY"], annualRevenueUsd: 500_000_000 }),
    at: "2027-01-01",
    obligation: `${NY}gbs-1421-1`,
    expect: "notApplicable",
    article: "§ 1420 (large frontier developer)",
  },
  {
    name: "New York RAISE: exactly 10^26 operations is not a frontier model",
    profile: frontier({ markets: ["US-NY"], trainingFlop: 1e26 }),
    at: "2027-01-01",
    obligation: `${NY}gbs-1422-3`,
    expect: "notApplicable",
    article: "§ 1420 (frontier model)",
  },
  {
    name: "New York RAISE: incident reports bind a frontier developer at USD 500,000,000, without the § 1427 penalty",
    profile: frontier({ markets: ["US-NY"], annualRevenueUsd: 500_000_000 }),
    at: "2027-01-01",
    obligation: `${NY}gbs-1422-3`,
    expect: "applies",
    article: "§ 1422(3)",
    penalty: false,
  },
  {
    name: "New York RAISE: incident reports of a large frontier developer carry the § 1427 penalty",
    profile: frontier({ markets: ["US-NY"], annualRevenueUsd: 500_000_001 }),
    at: "2027-01-01",
    obligation: `${NY}gbs-1422-3`,
    expect: "applies",
    article: "§ 1422(3)",
    penalty: true,
  },
  {
    name: "New York RAISE: fine-tuning compute left out, 10^26 of training alone is open",
    profile: frontier({ markets: ["US-NY"], trainingFlop: 1e26, fineTuningFlop: undefined }),
    at: "2027-01-01",
    obligation: `${NY}gbs-1421-3`,
    expect: "missing",
    missing: "fineTuningFlop",
  },
  // New York City Local Law 144 (filed under US-NY).
  {
    name: "New York City: bias audit of a hiring tool",
    profile: hiring({ markets: ["US-NY"] }),
    at: "2026-06-01",
    obligation: `${NYC}20-871-a`,
    expect: "applies",
    article: "§ 20-871(a)",
    penalty: true,
  },
  // Utah: the AI Policy Act as rewritten by SB 226, from 7 May 2025.
  {
    name: "Utah: disclosure on request, on 7 May 2025",
    profile: generator({ markets: ["US-UT"] }),
    at: "2025-05-07",
    obligation: `${UT}13-77-103-1`,
    expect: "applies",
    article: "§ 13-77-103(1)",
  },
  {
    name: "Utah: a system that does not converse with people is outside the definition",
    profile: generator({ markets: ["US-UT"], interactsWithPeople: false }),
    at: "2026-06-01",
    obligation: `${UT}13-77-103-2`,
    expect: "notApplicable",
    article: "§ 13-77-101",
  },
];

runScenarios("United States › scenario table", SCENARIOS, 20);

describe("United States › the law of the day", () => {
  it("the AB 853 versions are not the law from 30 September 2026, and the manifest option has no successor", () => {
    assert.ok(absentOn(generator(), "2026-09-30", `${TA}bpc-22757-2`));
    assert.ok(absentOn(generator(), "2026-09-30", `${TA}bpc-22757-3-manifest`));
    assert.ok(!bundledData.obligations.some((o) => o.id === `${TA}bpc-22757-3-manifest${SB1000}`));
    assert.ok(absentOn(generator(), "2026-09-29", `${TA}bpc-22757-2${SB1000}`));
  });

  it("Colorado SB 24-205 is absent after its stay, and its instrument is repealed with dated facts", () => {
    assert.ok(absentOn(hiring({ markets: ["US-CO"] }), "2026-04-27", `${CO}6-1-1703-3`));
    assert.ok(absentOn(hiring({ markets: ["US-CO"] }), "2026-07-01", `${CO}6-1-1703-4`));
    const act = bundledData.instruments.find((i) => i.id === "us-co-sb-24-205");
    assert.equal(act?.status, "repealed");
    assert.deepEqual(
      act?.dates.filter((d) => d.kind === "stayed" || d.kind === "repealed").map((d) => [d.kind, d.date]),
      [
        ["stayed", "2026-04-27"],
        ["repealed", "2026-05-14"],
      ],
    );
    // SB 26-189's text was not read: an instrument, no duties.
    assert.ok(!bundledData.obligations.some((o) => o.instrument === "us-co-sb-26-189"));
  });

  it("the RAISE Act's re-enacted duties are not the law before the chapter amendment of 27 March 2026", () => {
    assert.ok(absentOn(frontier({ markets: ["US-NY"] }), "2026-03-26", `${NY}gbs-1421-1`));
    assert.equal(
      outcome(frontier({ markets: ["US-NY"] }), "2026-03-27", `${NY}gbs-1421-1`).place,
      "upcoming",
    );
  });

  it("Utah's rewritten disclosure is not the law before SB 226 took effect on 7 May 2025", () => {
    assert.ok(absentOn(generator({ markets: ["US-UT"] }), "2025-05-06", `${UT}13-77-103-1`));
  });
});

describe("United States › federal context and the states", () => {
  it("the executive orders are instruments without duties", () => {
    for (const id of ["us-eo-14110", "us-eo-14179", "us-eo-14365"]) {
      const order = bundledData.instruments.find((i) => i.id === id);
      assert.equal(order?.type, "executive_order", id);
      assert.equal(order?.jurisdiction, "US");
      assert.ok(!bundledData.obligations.some((o) => o.instrument === id), id);
    }
    assert.equal(bundledData.instruments.find((i) => i.id === "us-eo-14110")?.status, "repealed");
  });

  it('"US" alone leaves every state duty open on the markets, never "outside the market"', () => {
    const profiles: CheckProfile[] = [
      { ...frontier(), markets: ["US"] },
      { ...generator(), markets: ["US"] },
      { ...hiring(), markets: ["US"], sector: "healthcare", publicBody: true },
    ];
    const stateDuties = new Set<string>();
    for (const profile of profiles) {
      const result = outcome(profile, "2026-08-15", `${SB}bpc-22757-13`).result;
      for (const item of [...result.applies, ...result.upcoming])
        assert.ok(!item.jurisdiction.startsWith("US-"), `${item.obligation} decided without a state`);
      for (const item of result.notApplicable)
        if (item.jurisdiction.startsWith("US-"))
          assert.doesNotMatch(item.reason?.en ?? "", /outside the market/, item.obligation);
      for (const item of result.open)
        if (item.jurisdiction.startsWith("US-")) {
          assert.ok(item.openBecause?.includes("markets"), item.obligation);
          stateDuties.add(item.jurisdiction);
        }
    }
    assert.deepEqual([...stateDuties].sort(), ["US-CA", "US-IL", "US-NY", "US-TX", "US-UT"]);
  });

  it("the US states modelled are jurisdictions of their own, each with its instruments", () => {
    const states = new Set(
      bundledData.obligations.map((o) => o.jurisdiction).filter((j) => j.startsWith("US-")),
    );
    for (const code of ["US-CA", "US-CO", "US-IL", "US-NY", "US-TX", "US-UT"])
      assert.ok(states.has(code), code);
  });
});
