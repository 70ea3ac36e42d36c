import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { CheckProfile } from "../../src/domain/checkProfile.js";
import { bundledData, outcome, runScenarios, type Scenario } from "../checkScenarios.js";

// China: the Interim Measures for Generative AI Services (15 August 2023), the deep-synthesis provisions
// (10 January 2023), the algorithmic-recommendation provisions (1 March 2022) and the labeling measures
// (1 September 2025). Each row names the article that decides it.

const GENAI = "cn-genai-interim-measures.";
const DS = "cn-deep-synthesis-provisions.";
const ALGO = "cn-algorithm-recommendation-provisions.";
const LABEL = "cn-ai-content-labeling-measures.";

/** A public chatbot in China with comments and sharing: every fact the Chinese duties ask is given. */
const chat = (over: Partial<CheckProfile> = {}): CheckProfile => ({
  kind: "service",
  role: "provider",
  generatesContent: true,
  interactsWithPeople: true,
  modalities: ["text", "image"],
  markets: ["CN"],
  establishedIn: "CN",
  offeredToPublic: true,
  publicOpinionAttributes: true,
  algorithmTypes: ["generation-synthesis"],
  youngestUserAge: 14,
  ...over,
});

/** A profile without one field, to show that leaving it out asks for it instead of answering no. */
function without(field: keyof CheckProfile, over: Partial<CheckProfile> = {}): CheckProfile {
  const profile: Partial<CheckProfile> = chat(over);
  delete profile[field];
  return profile as CheckProfile;
}

const scenarios: Scenario[] = [
  // Generative AI: security assessment and filing (Art. 17), from 15 August 2023.
  {
    name: "GenAI filing: the day before the Measures take effect",
    profile: chat(),
    at: "2023-08-14",
    obligation: `${GENAI}art-17`,
    expect: "upcoming",
    article: "Art. 17",
    from: "2023-08-15",
  },
  {
    name: "GenAI filing: the day the Measures take effect",
    profile: chat(),
    at: "2023-08-15",
    obligation: `${GENAI}art-17`,
    expect: "applies",
    article: "Art. 17",
    penalty: true,
  },
  {
    name: "GenAI filing: no public-opinion attributes",
    profile: chat({ publicOpinionAttributes: false }),
    at: "2026-12-03",
    obligation: `${GENAI}art-17`,
    expect: "notApplicable",
    article: "Art. 17",
    reason: /public-opinion attributes/,
  },
  {
    name: "GenAI filing: public-opinion attributes left out",
    profile: without("publicOpinionAttributes"),
    at: "2026-12-03",
    obligation: `${GENAI}art-17`,
    expect: "missing",
    missing: "publicOpinionAttributes",
    article: "Art. 17",
  },
  {
    name: "GenAI: an internal tool not offered to the public",
    profile: chat({ offeredToPublic: false }),
    at: "2026-12-03",
    obligation: `${GENAI}art-17`,
    expect: "notApplicable",
    article: "Art. 2(3)",
    reason: /not offered to the public/,
  },
  {
    name: "GenAI labeling: an internal tool not offered to the public",
    profile: chat({ offeredToPublic: false }),
    at: "2026-12-03",
    obligation: `${GENAI}art-12`,
    expect: "notApplicable",
    article: "Art. 2(3)",
  },
  {
    name: "GenAI: whether it is offered to the public left out",
    profile: without("offeredToPublic"),
    at: "2026-12-03",
    obligation: `${GENAI}art-15`,
    expect: "missing",
    missing: "offeredToPublic",
    article: "Art. 15",
  },
  {
    name: "GenAI: labels generated content by the deep-synthesis rules",
    profile: chat(),
    at: "2026-12-03",
    obligation: `${GENAI}art-12`,
    expect: "applies",
    article: "Art. 12",
  },
  {
    name: "GenAI: a service that generates nothing is outside the Measures",
    profile: chat({ generatesContent: false }),
    at: "2026-12-03",
    obligation: `${GENAI}art-7`,
    expect: "notApplicable",
    article: "Art. 2(1)",
  },
  {
    name: "GenAI: training data duties, with the penalty by reference",
    profile: chat(),
    at: "2026-12-03",
    obligation: `${GENAI}art-7`,
    expect: "applies",
    article: "Art. 7",
    penalty: true,
  },
  {
    name: "GenAI: outside the Chinese market",
    profile: chat({ markets: ["US"] }),
    at: "2026-12-03",
    obligation: `${GENAI}art-14`,
    expect: "notApplicable",
    article: "Art. 14",
    reason: /outside the market/,
  },
  // Minors.
  {
    name: "GenAI minors: open from 14",
    profile: chat({ youngestUserAge: 14 }),
    at: "2026-12-03",
    obligation: `${GENAI}art-10-minors`,
    expect: "applies",
    article: "Art. 10",
  },
  {
    name: "GenAI minors: adults only (18)",
    profile: chat({ youngestUserAge: 18 }),
    at: "2026-12-03",
    obligation: `${GENAI}art-10-minors`,
    expect: "notApplicable",
    article: "Art. 10",
    reason: /minors/,
  },
  {
    name: "GenAI minors: the youngest users' age left out",
    profile: without("youngestUserAge"),
    at: "2026-12-03",
    obligation: `${GENAI}art-10-minors`,
    expect: "missing",
    missing: "youngestUserAge",
    article: "Art. 10",
  },
  {
    name: "Recommendation minors: open from 12",
    profile: chat({ youngestUserAge: 12, algorithmTypes: ["personalised-push"] }),
    at: "2026-12-03",
    obligation: `${ALGO}art-18`,
    expect: "applies",
    article: "Art. 18",
  },
  {
    name: "Recommendation minors: exactly 18 is no minor",
    profile: chat({ youngestUserAge: 18, algorithmTypes: ["personalised-push"] }),
    at: "2026-12-03",
    obligation: `${ALGO}art-18`,
    expect: "notApplicable",
    article: "Art. 18",
  },
  // Deep synthesis, from 10 January 2023.
  {
    name: "Deep-synthesis technical label: the day before 10 January 2023",
    profile: chat(),
    at: "2023-01-09",
    obligation: `${DS}art-16`,
    expect: "upcoming",
    article: "Art. 16",
    from: "2023-01-10",
  },
  {
    name: "Deep-synthesis technical label: on 10 January 2023",
    profile: chat(),
    at: "2023-01-10",
    obligation: `${DS}art-16`,
    expect: "applies",
    article: "Art. 16",
  },
  {
    name: "Deep-synthesis prominent label where the public could be misled",
    profile: chat(),
    at: "2026-12-03",
    obligation: `${DS}art-17-1`,
    expect: "applies",
    article: "Art. 17(1)",
  },
  {
    name: "Deep-synthesis filing: no public-opinion attributes",
    profile: chat({ publicOpinionAttributes: false }),
    at: "2026-12-03",
    obligation: `${DS}art-19`,
    expect: "notApplicable",
    article: "Art. 19",
  },
  {
    name: "Deep-synthesis filing: a technical supporter's model files by analogy",
    profile: { kind: "model", role: "technical-supporter", generatesContent: true, markets: ["CN"] },
    at: "2026-12-03",
    obligation: `${DS}art-19-supporter`,
    expect: "applies",
    article: "Art. 19",
  },
  {
    name: "Deep-synthesis filing binds providers, not platforms",
    profile: chat({ role: "platform" }),
    at: "2026-12-03",
    obligation: `${DS}art-19`,
    expect: "notApplicable",
    article: "Art. 19",
    reason: /binds providers/,
  },
  {
    name: "Deep-synthesis labels may not be removed, by anyone (a platform)",
    profile: chat({ role: "platform", generatesContent: false }),
    at: "2026-12-03",
    obligation: `${DS}art-18`,
    expect: "applies",
    article: "Art. 18",
  },
  // Algorithmic recommendation, from 1 March 2022: filing within ten working days (Art. 24).
  {
    name: "Algorithm filing: the day before 1 March 2022",
    profile: chat({ algorithmTypes: ["personalised-push"] }),
    at: "2022-02-28",
    obligation: `${ALGO}art-24`,
    expect: "upcoming",
    article: "Art. 24",
    from: "2022-03-01",
  },
  {
    name: "Algorithm filing: on 1 March 2022, with the fine of Art. 31",
    profile: chat({ algorithmTypes: ["personalised-push"] }),
    at: "2022-03-01",
    obligation: `${ALGO}art-24`,
    expect: "applies",
    article: "Art. 24",
    penalty: true,
  },
  {
    name: "Algorithm filing: no public-opinion attributes",
    profile: chat({ publicOpinionAttributes: false }),
    at: "2026-12-03",
    obligation: `${ALGO}art-24`,
    expect: "notApplicable",
    article: "Art. 24",
    reason: /public-opinion attributes/,
  },
  {
    name: "Algorithm filing: public-opinion attributes left out",
    profile: without("publicOpinionAttributes"),
    at: "2026-12-03",
    obligation: `${ALGO}art-24`,
    expect: "missing",
    missing: "publicOpinionAttributes",
    article: "Art. 24",
  },
  {
    name: "Algorithm security assessment for a service that can sway opinion",
    profile: chat(),
    at: "2026-12-03",
    obligation: `${ALGO}art-27`,
    expect: "applies",
    article: "Art. 27",
  },
  {
    name: "Recommendation opt-out: no algorithm of the five kinds",
    profile: chat({ algorithmTypes: [] }),
    at: "2026-12-03",
    obligation: `${ALGO}art-17`,
    expect: "notApplicable",
    article: "Art. 2",
  },
  {
    name: "Recommendation opt-out: the algorithm types left out",
    profile: without("algorithmTypes"),
    at: "2026-12-03",
    obligation: `${ALGO}art-17`,
    expect: "missing",
    missing: "algorithmTypes",
    article: "Art. 17",
  },
  {
    name: "Recommendation opt-out for a personalised feed",
    profile: chat({ algorithmTypes: ["personalised-push", "ranking-selection"] }),
    at: "2026-12-03",
    obligation: `${ALGO}art-17`,
    expect: "applies",
    article: "Art. 17",
  },
  {
    name: "Workers: a dispatching platform schedules by algorithm",
    profile: chat({ algorithmTypes: ["scheduling-decision"], generatesContent: false }),
    at: "2026-12-03",
    obligation: `${ALGO}art-20`,
    expect: "applies",
    article: "Art. 20",
  },
  {
    name: "Workers: a news feed schedules no one",
    profile: chat({ algorithmTypes: ["personalised-push"] }),
    at: "2026-12-03",
    obligation: `${ALGO}art-20`,
    expect: "notApplicable",
    article: "Art. 20",
  },
  // The labeling measures of 2025: app stores (Art. 7), the scope chain of Art. 4.
  {
    name: "App store checks labeling materials: the day before 1 September 2025",
    profile: { kind: "service", role: "app-store", markets: ["CN"] },
    at: "2025-08-31",
    obligation: `${LABEL}art-7`,
    expect: "upcoming",
    article: "Art. 7",
    from: "2025-09-01",
  },
  {
    name: "App store checks labeling materials: on 1 September 2025",
    profile: { kind: "service", role: "app-store", markets: ["CN"] },
    at: "2025-09-01",
    obligation: `${LABEL}art-7`,
    expect: "applies",
    article: "Art. 7",
  },
  {
    name: "The app-store duty does not bind a provider",
    profile: chat(),
    at: "2026-12-03",
    obligation: `${LABEL}art-7`,
    expect: "notApplicable",
    article: "Art. 7",
  },
  {
    name: "Explicit labels: a service generating nothing is not one of DS Art. 17(1)",
    profile: chat({ generatesContent: false }),
    at: "2026-12-03",
    obligation: `${LABEL}art-4`,
    expect: "notApplicable",
    article: "Art. 4(1)",
    reason: /Art\. 17\(1\)/,
  },
  {
    name: "Labeling rules in the user agreement",
    profile: chat(),
    at: "2026-12-03",
    obligation: `${LABEL}art-8`,
    expect: "applies",
    article: "Art. 8",
  },
  {
    name: "No one may remove labels: a deployer too",
    profile: chat({ role: "deployer" }),
    at: "2026-12-03",
    obligation: `${LABEL}art-10-2`,
    expect: "applies",
    article: "Art. 10(2)",
  },
];

runScenarios("China: generative AI, deep synthesis, algorithmic recommendation, labeling", scenarios, 20);

describe("China's duties as data", () => {
  it("names the article of a duty left open, as the open answer cites it", () => {
    for (const s of scenarios.filter((row) => row.expect === "missing")) {
      const found = outcome(s.profile, s.at, s.obligation);
      const open = found.result.open.find((i) => i.obligation === s.obligation);
      assert.ok(open?.openBecause?.includes(s.missing as string), s.name);
      assert.ok(open?.citation.article.includes(s.article as string), `${s.name}: ${open?.citation.article}`);
    }
  });

  it("labels the Generative AI Measures secondary (read in a copy of the cac.gov.cn text, said in a note), like the others", () => {
    const cn = bundledData.obligations.filter((o) => o.jurisdiction === "CN");
    const genai = cn.filter((o) => o.instrument === "cn-genai-interim-measures");
    assert.ok(genai.length >= 10);
    for (const duty of genai) {
      // A copy in a public repository is not the CAC's own site: secondary, however faithful.
      assert.equal(duty.citation.verification, "secondary", duty.id);
      assert.ok(
        duty.notes.some((n) => /copy of the cac\.gov\.cn text/.test(n.en ?? "")),
        `${duty.id} says where the text was read`,
      );
    }
    for (const id of ["cn-deep-synthesis-provisions", "cn-algorithm-recommendation-provisions"])
      for (const duty of cn.filter((o) => o.instrument === id))
        assert.equal(duty.citation.verification, "secondary", duty.id);
  });

  it("gives every Chinese duty a theme, a date and a penalty or a note on it", () => {
    for (const duty of bundledData.obligations.filter((o) => o.jurisdiction === "CN")) {
      assert.ok(duty.themes.length, duty.id);
      assert.match(duty.from, /^\d{4}-\d{2}-\d{2}$/, duty.id);
      assert.ok(duty.penalty !== null || duty.notes.length, duty.id);
    }
  });
});
