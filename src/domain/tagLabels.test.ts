import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readBundledDataset } from "../import/bundledDataset.js";
import { tagLabel } from "./tagLabels.js";

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
});
