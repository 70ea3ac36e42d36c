import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CheckProfile } from "../domain/checkProfile.js";
import { checkAnswerView } from "./checkAnswerView.js";
import { checkObligations } from "./checkObligations.js";
import { bundledObligations } from "../reference/obligationsData.js";

const data = bundledObligations();
const view = (profile: object, lang: "zh" | "en" = "en") =>
  checkAnswerView(checkObligations(data, CheckProfile.parse(profile), "2026-12-03"), data, lang);

describe("checkAnswerView", () => {
  it("says an alternative date that holds for every duty of a section once, under its heading (Art. 111(3))", () => {
    const eu = view({
      kind: "model",
      role: "provider",
      trainingFlop: 3e25,
      markets: ["EU"],
      establishedIn: "US",
    }).markets.find((m) => m.jurisdiction === "EU");
    const binds = eu?.sections.find((s) => s.place === "applies");
    assert.ok(binds && binds.duties.length > 1);
    assert.equal(binds.shared.length, 1);
    assert.match(binds.shared[0] ?? "", /comply by 2 August 2027 \(Art\. 111\(3\)/);
    for (const duty of binds.duties)
      assert.ok(!duty.dates.some((line) => line.includes("Art. 111(3)")), duty.title);
  });

  it("keeps an alternative on the duty when it is the only one that has it", () => {
    const eu = view({
      kind: "model",
      role: "provider",
      trainingFlop: 3e25,
      markets: ["EU"],
      establishedIn: "DE",
      placedOnMarket: "2025-09-01",
    }).markets.find((m) => m.jurisdiction === "EU");
    for (const section of eu?.sections ?? []) assert.deepEqual(section.shared, []);
  });

  it("names what aigov does not cover in the market, in the page's language", () => {
    const cn = view(
      { kind: "service", role: "provider", generatesContent: true, modalities: ["image"], markets: ["CN"] },
      "zh",
    ).markets.find((m) => m.jurisdiction === "CN");
    assert.ok(cn?.notCovered.some((g) => g.title.includes("生成式人工智能服务管理暂行办法")));
    assert.ok(cn?.notCovered.every((g) => !/checked against/.test(g.verification)));
  });
});
