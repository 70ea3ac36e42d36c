import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { CheckProfile } from "../../src/domain/checkProfile.js";
import { absentOn, bundledData, outcome, runScenarios, type Scenario } from "../checkScenarios.js";

// The EU AI Act beyond Chapter V, and the Digital Omnibus on AI (Regulation (EU) 2026/1744, in force
// 27 July 2026): each duty it changed is two versions, the original until 26 July 2026 and the amended
// one (id suffixed @2026-07-27) from 27 July 2026, so that every day is answered with that day's law.

const EU = "eu-ai-act.";
const V = "@2026-07-27";

const service = (over: Partial<CheckProfile> = {}): CheckProfile => ({
  kind: "service",
  role: "provider",
  markets: ["EU"],
  establishedIn: "DE",
  generatesContent: false,
  interactsWithPeople: false,
  placedOnMarket: "2027-01-01",
  ...over,
});
/** An Annex III recruitment tool, not an Annex I product, with no Art. 6(3) derogation. */
const hiring = (over: Partial<CheckProfile> = {}): CheckProfile =>
  service({ euHighRiskUses: ["recruitment"], annexIProduct: false, euNoSignificantRisk: false, ...over });
/** A safety component of an Annex I product needing third-party assessment, with no Annex III use. */
const annexI = (over: Partial<CheckProfile> = {}): CheckProfile =>
  service({ euHighRiskUses: [], annexIProduct: true, ...over });
const deployer = (over: Partial<CheckProfile> = {}): CheckProfile => hiring({ role: "deployer", ...over });
const generator = (over: Partial<CheckProfile> = {}): CheckProfile =>
  service({ generatesContent: true, modalities: ["image", "text"], ...over });

const SCENARIOS: Scenario[] = [
  // Art. 4 AI literacy: from 2 February 2025; rewritten by the Omnibus from 27 July 2026.
  {
    name: "Art. 4: the day before 2 February 2025",
    profile: service(),
    at: "2025-02-01",
    obligation: `${EU}art-4`,
    expect: "upcoming",
    from: "2025-02-02",
  },
  {
    name: "Art. 4: on 2 February 2025, with no EU fine",
    profile: service(),
    at: "2025-02-02",
    obligation: `${EU}art-4`,
    expect: "applies",
    article: "Art. 4",
    penalty: false,
  },
  {
    name: "Art. 4: the day before the Omnibus entered into force, the original text",
    profile: service({ role: "deployer" }),
    at: "2026-07-26",
    obligation: `${EU}art-4`,
    expect: "applies",
    article: "Art. 4",
  },
  {
    name: "Art. 4: the day the Omnibus entered into force, the amended text",
    profile: service({ role: "deployer" }),
    at: "2026-07-27",
    obligation: `${EU}art-4${V}`,
    expect: "applies",
    article: "Art. 4(1)",
  },
  {
    name: "Art. 4: a model is no AI system",
    profile: { kind: "model", role: "provider", markets: ["EU"] },
    at: "2026-09-01",
    obligation: `${EU}art-4${V}`,
    expect: "notApplicable",
    article: "Art. 4(1)",
  },
  // Art. 5 prohibitions: from 2 February 2025 (fines from 2 August 2025, said in the penalty and notes).
  {
    name: "Art. 5(1)(a): the day before 2 February 2025",
    profile: service(),
    at: "2025-02-01",
    obligation: `${EU}art-5-1-a`,
    expect: "upcoming",
    from: "2025-02-02",
  },
  {
    name: "Art. 5(1)(a): on 2 February 2025, for everyone in the EU market",
    profile: service(),
    at: "2025-02-02",
    obligation: `${EU}art-5-1-a`,
    expect: "applies",
    article: "Art. 5(1)(a)",
  },
  {
    name: "Art. 5(1)(c) social scoring binds deployers too, with the Art. 99(3) fine",
    profile: service({ role: "deployer" }),
    at: "2025-08-02",
    obligation: `${EU}art-5-1-c`,
    expect: "applies",
    article: "Art. 5(1)(c)",
    penalty: true,
  },
  {
    name: "Art. 5(1)(h) real-time biometric identification binds deployers, not providers",
    profile: service(),
    at: "2026-01-01",
    obligation: `${EU}art-5-1-h`,
    expect: "notApplicable",
    article: "Art. 5(1)(h)",
  },
  {
    name: "Art. 5: outside the EU market",
    profile: service({ markets: ["JP"] }),
    at: "2026-01-01",
    obligation: `${EU}art-5-1-e`,
    expect: "notApplicable",
    reason: /outside the market/,
  },
  // The Omnibus's new prohibitions: law from 27 July 2026, applying from 2 December 2026.
  {
    name: "Art. 5(1)(ba): in law on 27 July 2026, applying from 2 December 2026",
    profile: generator(),
    at: "2026-07-27",
    obligation: `${EU}art-5-1-ba`,
    expect: "upcoming",
    from: "2026-12-02",
  },
  {
    name: "Art. 5(1)(ba): the day before 2 December 2026",
    profile: generator(),
    at: "2026-12-01",
    obligation: `${EU}art-5-1-ba`,
    expect: "upcoming",
    from: "2026-12-02",
  },
  {
    name: "Art. 5(1)(bb): on 2 December 2026",
    profile: generator({ role: "deployer" }),
    at: "2026-12-02",
    obligation: `${EU}art-5-1-bb`,
    expect: "applies",
    article: "Art. 5(1)(bb)",
  },
  {
    name: "Art. 5(1)(ba): a system that generates nothing",
    profile: service(),
    at: "2026-12-02",
    obligation: `${EU}art-5-1-ba`,
    expect: "notApplicable",
    article: "Art. 5(1)(ba)",
  },
  {
    name: "Art. 5(1)(ba): whether it generates content is left out",
    profile: service({ generatesContent: undefined }),
    at: "2026-12-02",
    obligation: `${EU}art-5-1-ba`,
    expect: "missing",
    missing: "generatesContent",
  },
  // High-risk (Annex III): original 2 August 2026, amended 2 December 2027.
  {
    name: "Art. 9 Annex III: the day before the Omnibus, the original date 2 August 2026",
    profile: hiring(),
    at: "2026-07-26",
    obligation: `${EU}art-9`,
    expect: "upcoming",
    from: "2026-08-02",
    article: "Art. 113",
  },
  {
    name: "Art. 9 Annex III: the day the Omnibus entered into force, 2 December 2027",
    profile: hiring(),
    at: "2026-07-27",
    obligation: `${EU}art-9${V}`,
    expect: "upcoming",
    from: "2027-12-02",
    article: "Art. 113(c)(i)",
  },
  {
    name: "Art. 9 Annex III: the day before 2 December 2027",
    profile: hiring(),
    at: "2027-12-01",
    obligation: `${EU}art-9${V}`,
    expect: "upcoming",
    from: "2027-12-02",
  },
  {
    name: "Art. 9 Annex III: on 2 December 2027",
    profile: hiring(),
    at: "2027-12-02",
    obligation: `${EU}art-9${V}`,
    expect: "applies",
    article: "Art. 9",
    penalty: true,
  },
  // High-risk (Annex I): original 2 August 2027, amended 2 August 2028.
  {
    name: "Art. 10 Annex I: the day before the Omnibus, the original 2 August 2027",
    profile: annexI(),
    at: "2026-07-26",
    obligation: `${EU}art-10`,
    expect: "upcoming",
    from: "2027-08-02",
    article: "Art. 113(c)",
  },
  {
    name: "Art. 10 Annex I: the day before 2 August 2028",
    profile: annexI(),
    at: "2028-08-01",
    obligation: `${EU}art-10${V}`,
    expect: "upcoming",
    from: "2028-08-02",
    article: "Art. 113(c)(ii)",
  },
  {
    name: "Art. 11 Annex I: on 2 August 2028",
    profile: annexI(),
    at: "2028-08-02",
    obligation: `${EU}art-11${V}`,
    expect: "applies",
    article: "Art. 11",
  },
  {
    name: "Art. 12: neither an Annex III use nor an Annex I product",
    profile: service({ euHighRiskUses: [], annexIProduct: false }),
    at: "2028-01-01",
    obligation: `${EU}art-12${V}`,
    expect: "notApplicable",
    article: "Art. 6(1)–(2)",
  },
  {
    name: "Art. 13: an Annex III use documented as no significant risk (Art. 6(3))",
    profile: hiring({ euNoSignificantRisk: true }),
    at: "2028-01-01",
    obligation: `${EU}art-13${V}`,
    expect: "notApplicable",
    article: "Art. 6(3)",
  },
  {
    name: "Art. 14: the Annex III uses are left out",
    profile: service({ annexIProduct: false }),
    at: "2028-01-01",
    obligation: `${EU}art-14${V}`,
    expect: "missing",
    missing: "euHighRiskUses",
  },
  {
    name: "Art. 15: the Art. 6(3) answer is left out",
    profile: hiring({ euNoSignificantRisk: undefined }),
    at: "2028-01-01",
    obligation: `${EU}art-15${V}`,
    expect: "missing",
    missing: "euNoSignificantRisk",
  },
  {
    name: "Art. 6(4): documenting the no-significant-risk assessment from 2 December 2027",
    profile: hiring({ euNoSignificantRisk: true }),
    at: "2027-12-02",
    obligation: `${EU}art-6-4${V}`,
    expect: "applies",
    article: "Art. 6(4)",
  },
  {
    name: "Art. 49(1): critical infrastructure registers nationally, not in the EU database",
    profile: service({
      euHighRiskUses: ["critical-infrastructure"],
      annexIProduct: false,
      euNoSignificantRisk: false,
    }),
    at: "2028-01-01",
    obligation: `${EU}art-49-1${V}`,
    expect: "notApplicable",
    article: "Art. 6(2); Annex III",
  },
  {
    name: "Art. 17: a quality management system for an Annex III provider",
    profile: hiring({ enterpriseSize: "small-mid-cap" }),
    at: "2028-01-01",
    obligation: `${EU}art-17${V}`,
    expect: "applies",
    article: "Art. 17",
  },
  {
    name: "Art. 73: serious incidents, Annex III provider",
    profile: hiring(),
    at: "2028-01-01",
    obligation: `${EU}art-73${V}`,
    expect: "applies",
    article: "Art. 73",
  },
  // Importers, distributors, authorised representatives.
  {
    name: "Art. 23: an importer of an Annex III system",
    profile: hiring({ role: "importer" }),
    at: "2027-12-02",
    obligation: `${EU}art-23${V}`,
    expect: "applies",
    article: "Art. 23",
  },
  {
    name: "Art. 23: a provider is not the importer",
    profile: hiring(),
    at: "2027-12-02",
    obligation: `${EU}art-23${V}`,
    expect: "notApplicable",
    article: "Art. 23",
  },
  {
    name: "Art. 24: a distributor of an Annex I product",
    profile: annexI({ role: "distributor" }),
    at: "2028-08-02",
    obligation: `${EU}art-24${V}`,
    expect: "applies",
    article: "Art. 24",
  },
  {
    name: "Art. 22(1): a provider established in the US appoints a representative",
    profile: hiring({ establishedIn: "US" }),
    at: "2027-12-02",
    obligation: `${EU}art-22-1${V}`,
    expect: "applies",
    article: "Art. 22(1)",
  },
  {
    name: "Art. 22(1): a provider established in Germany needs none",
    profile: hiring(),
    at: "2027-12-02",
    obligation: `${EU}art-22-1${V}`,
    expect: "notApplicable",
    article: "Art. 22(1)",
  },
  // Deployers, and the fundamental rights impact assessment's addressees (Art. 27(1)).
  {
    name: "Art. 26(1): a deployer of a recruiting tool on 2 December 2027",
    profile: deployer(),
    at: "2027-12-02",
    obligation: `${EU}art-26-1${V}`,
    expect: "applies",
    article: "Art. 26(1)–(2)",
    penalty: true,
  },
  {
    name: "Art. 27: a private employer's recruiting tool needs no FRIA",
    profile: deployer({ publicBody: false }),
    at: "2028-01-01",
    obligation: `${EU}art-27${V}`,
    expect: "notApplicable",
    article: "Art. 27(1)",
  },
  {
    name: "Art. 27: a private bank scoring credit does one (Annex III 5(b))",
    profile: deployer({ publicBody: false, euHighRiskUses: ["creditworthiness"] }),
    at: "2027-12-02",
    obligation: `${EU}art-27${V}`,
    expect: "applies",
    article: "Art. 27",
  },
  {
    name: "Art. 27: a public body deciding on benefits does one",
    profile: deployer({ publicBody: true, euHighRiskUses: ["public-benefits"] }),
    at: "2027-12-02",
    obligation: `${EU}art-27${V}`,
    expect: "applies",
    article: "Art. 27",
  },
  {
    name: "Art. 27: a public body's critical-infrastructure system is excepted",
    profile: deployer({ publicBody: true, euHighRiskUses: ["critical-infrastructure"] }),
    at: "2028-01-01",
    obligation: `${EU}art-27${V}`,
    expect: "notApplicable",
    article: "Art. 6(2); Annex III",
  },
  {
    name: "Art. 27: whether the deployer is a public body is left out",
    profile: deployer(),
    at: "2028-01-01",
    obligation: `${EU}art-27${V}`,
    expect: "missing",
    missing: "publicBody",
  },
  {
    name: "Art. 27: the original version, the day before the Omnibus",
    profile: deployer({ publicBody: false, euHighRiskUses: ["life-health-insurance"] }),
    at: "2026-07-26",
    obligation: `${EU}art-27`,
    expect: "upcoming",
    from: "2026-08-02",
  },
  // Art. 50: dates unchanged; Art. 111(4) added for Art. 50(2).
  {
    name: "Art. 50(2): the day before the Omnibus, no deadline for older systems",
    profile: generator({ placedOnMarket: "2026-03-01" }),
    at: "2026-07-26",
    obligation: `${EU}art-50-2`,
    expect: "upcoming",
    from: "2026-08-02",
  },
  {
    name: "Art. 50(2): placed before 2 August 2026, comply by 2 December 2026 (Art. 111(4))",
    profile: generator({ placedOnMarket: "2026-03-01" }),
    at: "2026-09-01",
    obligation: `${EU}art-50-2${V}`,
    expect: "applies",
    complyBy: "2026-12-02",
    article: "Art. 111(4)",
  },
  {
    name: "Art. 50(2): placed exactly on 2 August 2026, no grace",
    profile: generator({ placedOnMarket: "2026-08-02" }),
    at: "2026-09-01",
    obligation: `${EU}art-50-2${V}`,
    expect: "applies",
    article: "Art. 50(2)",
  },
  {
    name: "Art. 50(3): an emotion-recognition deployer, the day before 2 August 2026",
    profile: service({ role: "deployer", euHighRiskUses: ["emotion-recognition"] }),
    at: "2026-08-01",
    obligation: `${EU}art-50-3`,
    expect: "upcoming",
    from: "2026-08-02",
  },
  {
    name: "Art. 50(3): an emotion-recognition deployer on 2 August 2026",
    profile: service({ role: "deployer", euHighRiskUses: ["emotion-recognition"] }),
    at: "2026-08-02",
    obligation: `${EU}art-50-3`,
    expect: "applies",
    article: "Art. 50(3)",
  },
  {
    name: "Art. 50(4), second subparagraph: a deployer publishing generated text",
    profile: generator({ role: "deployer", modalities: ["text"] }),
    at: "2026-09-01",
    obligation: `${EU}art-50-4-text`,
    expect: "applies",
    article: "Art. 50(4), second subparagraph",
  },
];

runScenarios("EU AI Act and Digital Omnibus › scenario table", SCENARIOS, 30);

describe("EU AI Act › the law of the day around 27 July 2026", () => {
  it("answers with the original version until 26 July 2026 and the amended one from 27 July", () => {
    assert.ok(absentOn(hiring(), "2026-07-26", `${EU}art-9${V}`));
    assert.ok(absentOn(hiring(), "2026-07-27", `${EU}art-9`));
    assert.ok(absentOn(generator(), "2026-07-26", `${EU}art-5-1-ba`), "the new prohibition is not yet law");
  });

  it("pairs every amended version with an original that ends the day before", () => {
    const ids = new Set(bundledData.obligations.map((o) => o.id));
    for (const duty of bundledData.obligations.filter((o) => o.id.endsWith(V))) {
      const original = bundledData.obligations.find((o) => o.id === duty.id.slice(0, -V.length));
      if (!original) {
        // A provision the Omnibus added has no original.
        assert.ok(duty.id.includes("art-5-1-b"), duty.id);
        continue;
      }
      assert.equal(original.inLaw?.until, "2026-07-26", original.id);
      assert.ok(ids.has(duty.id));
      // Read in a copy of the Official Journal file in a public repository, not on EUR-Lex: secondary.
      assert.equal(duty.citation.verification, "secondary", duty.id);
    }
  });

  it("says fines for Art. 5 start on 2 August 2025 and that SMEs pay the lower amount", () => {
    const item = outcome(service(), "2025-03-01", `${EU}art-5-1-a`).item;
    assert.match(item?.penalty?.en ?? "", /2 August 2025.*|whichever is lower/);
    assert.match(item?.penalty?.en ?? "", /SMEs/);
    assert.match(item?.notes.map((n) => n.en).join(" ") ?? "", /2 August 2025/);
  });
});
