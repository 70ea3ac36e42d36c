import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readObligationsData } from "../reference/obligationsData.js";
import { articleLabel } from "./articleLabel.js";

describe("articleLabel", () => {
  it("numbers articles, paragraphs and points the Chinese way", () => {
    assert.equal(articleLabel("Art. 53(1)(a)", "zh"), "第53条第1款第(a)项");
    assert.equal(articleLabel("Art. 111(3)", "zh"), "第111条第3款");
    assert.equal(articleLabel("Art. 43(1) item 2", "zh"), "第43条第1款第2项");
    assert.equal(articleLabel("Bus. & Prof. Code § 22757.12(a)", "zh"), "《商业与职业法典》第22757.12(a)条");
    assert.equal(articleLabel("Art. 55(1); Art. 51(2)", "zh"), "第55条第1款；第51条第2款");
    assert.equal(articleLabel("Art. 53(1)(a)", "en"), "Art. 53(1)(a)");
  });

  it("leaves no English word in the zh label of any bundled article", () => {
    const data = readObligationsData();
    const articles = data.obligations.flatMap((o) => [
      o.citation.article,
      ...o.conditions.map((c) => c.article),
      ...o.transitions.map((t) => t.citation.article),
    ]);
    for (const article of new Set(articles)) {
      const zh = articleLabel(article, "zh").replace(
        /GB \d+-\d+|\b(?:AB|SB|HB) \d+|\([a-z]{1,2}\)|\([ivx]+\)|\d+(\.\d+)?\([a-z]\)/g,
        "",
      );
      assert.doesNotMatch(zh, /[A-Za-z]{2,}/, `${article} → ${articleLabel(article, "zh")}`);
    }
  });
});
