import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readBundledDataset } from "../import/bundledDataset.js";
import { narrativeTranslations } from "./narrativeTranslations.js";

const numbers = (text: string): string[] => text.match(/\d+(?:\.\d+)?/g) ?? [];

describe("data/translations", () => {
  const documents = new Map(readBundledDataset().documents.map((d) => [d.key, d]));

  for (const translation of narrativeTranslations())
    describe(translation.key, () => {
      const original = documents.get(translation.translationOf.key);

      it("translates a bundled document in another language", () => {
        assert.ok(original, `no bundled document ${translation.translationOf.key}`);
        assert.equal(original.lang, translation.translationOf.lang);
        assert.notEqual(translation.lang, original.lang);
        assert.equal(translation.year, original.year);
      });

      it("keeps the original's sections, depths and paragraphs one for one", () => {
        assert.deepEqual(
          translation.narrative.map((s) => [s.depth, s.paragraphs.length]),
          original?.narrative.map((s) => [s.depth, s.paragraphs.length]),
        );
      });

      it("carries every number over: none added, none lost but months written as words", () => {
        translation.narrative.forEach((section, i) =>
          section.paragraphs.forEach((paragraph, j) => {
            const source = original?.narrative[i]?.paragraphs[j] ?? "";
            const where = `section ${i + 1} paragraph ${j + 1}`;
            const inSource = numbers(source);
            for (const n of numbers(paragraph))
              assert.ok(inSource.includes(n), `${where}: ${n} is not in the original`);
            // "2月" becomes "February": the month numbers are the only ones the English may drop.
            const kept = numbers(source.replace(/(\d{1,2})\s*月/g, "月"));
            for (const n of kept) assert.ok(numbers(paragraph).includes(n), `${where}: ${n} is missing`);
          }),
        );
      });

      it("holds no Chinese text", () => {
        for (const section of translation.narrative)
          for (const text of [section.heading, ...section.paragraphs])
            assert.doesNotMatch(text, /\p{Script=Han}/u);
      });
    });
});
