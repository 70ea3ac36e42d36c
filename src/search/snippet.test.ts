import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Event } from "../domain/event.js";
import { parseQuery } from "./queryParser.js";
import { makeSnippet } from "./snippet.js";

const event = Event.parse({
  id: "x",
  title: { zh: "沙特发布枢纽法案", en: "Saudi hub law" },
  summary: { zh: "草案规定了**三类枢纽：私人枢纽**。", en: "It sets labelling duties for hubs." },
  date: { start: "2025-04-14" },
});
const marked = (snippet: ReturnType<typeof makeSnippet>) =>
  snippet?.marks.map(([start, end]) => snippet.text.slice(start, end));

describe("makeSnippet", () => {
  it("marks every match in the summary of the preferred language, without Markdown emphasis", () => {
    const snippet = makeSnippet(event, parseQuery("枢纽"), "zh");
    assert.equal(snippet?.field, "summary");
    assert.equal(snippet?.text, "草案规定了三类枢纽：私人枢纽。");
    assert.deepEqual(marked(snippet), ["枢纽", "枢纽"]);
  });
  it("marks whole English words that a prefix or stem matched", () => {
    assert.deepEqual(marked(makeSnippet(event, parseQuery("label"), "en")), ["labelling"]);
  });
  it("falls back to the title, and to nothing when nothing matches", () => {
    assert.equal(makeSnippet(event, parseQuery("沙特"), "zh")?.field, "title");
    assert.equal(makeSnippet(event, parseQuery("芯片"), "zh"), null);
  });
  it("marks the text as written when the query is in the other Chinese script or width", () => {
    const traditional = Event.parse({
      id: "t",
      title: { zh: "歐盟ＡＩ法生效，門檻為10^{25} FLOPs" },
      date: { start: "2025-08-02" },
    });
    assert.deepEqual(marked(makeSnippet(traditional, parseQuery("欧盟"), "zh")), ["歐盟"]);
    assert.deepEqual(marked(makeSnippet(traditional, parseQuery("AI法"), "zh")), ["ＡＩ", "法"]);
    assert.deepEqual(marked(makeSnippet(traditional, parseQuery("10^25 FLOP"), "zh")), ["10^{25}", "FLOPs"]);
  });
  it("marks a number and a compound without swallowing the Chinese around them", () => {
    const dated = Event.parse({
      id: "d",
      title: { zh: "2025年5月13日，美国限制H20芯片出口" },
      date: { start: "2025-05-13" },
    });
    assert.deepEqual(marked(makeSnippet(dated, parseQuery("5月"), "zh")), ["5", "月"]);
    assert.deepEqual(marked(makeSnippet(dated, parseQuery("H20"), "zh")), ["H20"]);
  });
});

describe("makeSnippet › numbers written apart", () => {
  it("marks a bill number typed as one where the text writes it apart", () => {
    const event = Event.parse({
      id: "x",
      title: { en: "t" },
      summary: { en: "California signed SB 53 into law." },
      date: { start: "2025-01-01" },
    });
    assert.deepEqual(makeSnippet(event, parseQuery("SB53"), "en")?.marks, [[18, 23]]);
  });
});
