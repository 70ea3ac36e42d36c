import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readBundledDataset } from "../import/bundledDataset.js";
import { BINDINGNESS, EVENT_TYPES, LEVELS } from "./event.js";
import { ROLES } from "./obligation.js";
import { Instrument, Verification } from "./instrument.js";
import { LANGUAGES } from "./localizedText.js";
import { label, labelOrUnclassified, tagLabel, VOCABULARY, wordsIn } from "./vocabulary.js";

describe("vocabulary", () => {
  it("names every value of every field, and only those, in both languages", () => {
    const fields = {
      level: LEVELS,
      type: [...new Set([...EVENT_TYPES, ...Instrument.shape.type.options])],
      bindingness: BINDINGNESS,
      role: ROLES,
      verification: Verification.options,
    };
    for (const [field, values] of Object.entries(fields)) {
      const words = VOCABULARY[field as keyof typeof VOCABULARY];
      assert.deepEqual(Object.keys(words).sort(), [...values].sort(), field);
      for (const lang of LANGUAGES)
        for (const value of values)
          assert.ok(label(field as "level", value as "national", lang).trim(), `${field}.${value} (${lang})`);
    }
  });

  it("gives no two values of a field the same word", () => {
    for (const [field, words] of Object.entries(VOCABULARY))
      for (const lang of LANGUAGES) {
        const all = Object.values(words).map((w: Record<string, string>) => w[lang]);
        assert.equal(new Set(all).size, all.length, `${field} (${lang}): ${all.join(", ")}`);
      }
  });

  it("uses the seed report's words (行政令, 协议, 地区) and one English word for non-binding", () => {
    assert.equal(label("type", "executive_order", "zh"), "行政令");
    assert.equal(label("type", "agreement", "zh"), "协议");
    assert.equal(label("level", "regional", "zh"), "地区");
    assert.equal(label("bindingness", "binding", "zh"), "有约束力");
    assert.equal(label("bindingness", "none", "en"), "non-binding");
  });

  it("calls a missing value unclassified", () => {
    assert.equal(labelOrUnclassified("level", null, "zh"), "未分类");
    assert.equal(labelOrUnclassified("level", "national", "en"), "national");
  });

  it("reads a vocabulary in one language as value → word", () => {
    assert.deepEqual(wordsIn(VOCABULARY.role, "en"), {
      provider: "provider",
      deployer: "deployer",
      developer: "developer",
      platform: "platform",
      importer: "importer",
      distributor: "distributor",
      "authorised-representative": "authorised representative",
      "product-manufacturer": "product manufacturer",
      "technical-supporter": "technical supporter",
      "app-store": "app store",
    });
  });
});

describe("tagLabel", () => {
  it("names every tag of the bundled dataset in Chinese and in English", () => {
    const tags = new Set(readBundledDataset().events.flatMap((e) => e.tags));
    assert.ok(tags.size > 30);
    for (const tag of tags) {
      // A name of its own (every entry has both languages): the fallback, the slug, has no Chinese in it.
      assert.match(tagLabel(tag, "zh"), /\p{Script=Han}/u, `${tag} has a name`);
    }
  });

  it("shows a tag it has no name for as written, hyphens as spaces", () => {
    assert.equal(tagLabel("ai-liability", "en"), "ai liability");
    assert.equal(tagLabel("ai-liability", "zh"), "ai liability");
  });

  it("does not take an object's inherited keys for tag names", () => {
    assert.equal(tagLabel("constructor", "en"), "constructor");
    assert.equal(tagLabel("__proto__", "zh"), "__proto__");
  });
});
