import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { buildBundledFiles } from "../../scripts/datasetFiles.js";
import { readBundledDataset } from "./bundledDataset.js";

const dataset = readBundledDataset();
const seed = readFileSync(
  new URL("../../data/seeds/2025-global-ai-governance-report.zh.txt", import.meta.url),
  "utf8",
);

describe("the bundled dataset", () => {
  it("is what scripts/build-dataset.ts makes from the seed and its curation", () => {
    for (const file of buildBundledFiles())
      assert.equal(readFileSync(file.path, "utf8"), file.content, file.path);
  });

  it("holds the 47 events of the seed, each in both languages and classified", () => {
    assert.equal(dataset.events.length, 47);
    for (const event of dataset.events) {
      const where = `${event.seq} ${event.id}`;
      assert.ok(event.title.zh && event.title.en, where);
      assert.ok(event.summary.zh && event.summary.en, where);
      assert.ok(event.jurisdictions.length > 0 && event.level && event.type && event.bindingness, where);
      assert.ok(event.tags.length > 0, where);
      assert.ok(seed.includes(event.title.zh), `${where}: title as printed in the seed`);
    }
  });

  it("names only known jurisdictions and links only to its own events", () => {
    const codes = new Set(dataset.jurisdictions.map((j) => j.code));
    const ids = new Set(dataset.events.map((e) => e.id));
    for (const event of dataset.events) {
      for (const code of event.jurisdictions) assert.ok(codes.has(code), `${event.id}: ${code}`);
      for (const relation of event.relations)
        if (relation.target) assert.ok(ids.has(relation.target), `${event.id} → ${relation.target}`);
    }
  });

  it("keeps every source URL as the seed prints it", () => {
    const urls = dataset.events.flatMap((e) => e.sources.map((s) => s.url));
    assert.equal(urls.length, 58);
    for (const url of urls) assert.ok(url && seed.includes(url), String(url));
  });

  it("states effective dates found in the seed's text", () => {
    const effective = Object.fromEntries(
      dataset.events.map((e) => [e.seq, e.effectiveDates.map((d) => d.date)]),
    );
    assert.deepEqual(effective[2], ["2026-01-22"]);
    assert.deepEqual(effective[46], ["2026-03-01"]);
  });
});
