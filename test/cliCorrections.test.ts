import assert from "node:assert/strict";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { correctionsByEvent } from "../src/domain/correctionsByEvent.js";
import { correctionParts } from "../src/domain/correctionText.js";
import type { Event } from "../src/domain/event.js";
import { bundledObligations } from "../src/reference/obligationsData.js";
import { ROOT, runCli, tempDir } from "./runCli.js";

// The CLI reads data/corrections itself; these tests hold for whatever corrections it holds.
const byEvent = correctionsByEvent(bundledObligations().corrections);
const correctedIds = [...byEvent.keys()];
const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

describe("aigov list, search and show: corrections beside the events they correct", () => {
  const db = join(tempDir(), "corrections.db");
  before(async () => {
    const imported = await runCli([
      "import",
      join(ROOT, "data/events/2025-global-ai-governance-report.json"),
      "--db",
      db,
    ]);
    assert.equal(imported.code, 0, imported.stderr);
  });

  it("has corrections to show", async () => {
    assert.ok(correctedIds.length > 0, "data/corrections holds at least one correction");
  });

  it("list prints each correction on a line under its event, in --lang; --json carries them as the API does", async () => {
    for (const lang of ["en", "zh"] as const) {
      const lines = (await runCli(["list", "--lang", lang, "--db", db])).stdout.split("\n");
      for (const [id, corrections] of byEvent) {
        const at = lines.findIndex((line) => line.endsWith(`(${id})`));
        assert.ok(at >= 0, id);
        assert.deepEqual(
          lines.slice(at + 1, at + 1 + corrections.length).map((line) => line.trim()),
          corrections.map((c) => {
            const { heading, text } = correctionParts(c, lang);
            return `${heading}${lang === "zh" ? "：" : ": "}${oneLine(text)}`;
          }),
          `${id} (${lang})`,
        );
      }
      assert.ok(
        lines.filter((line) => /^\s+(Correction \(|更正（)/.test(line)).length ===
          [...byEvent.values()].flat().length,
        "no correction line under an uncorrected event",
      );
    }
    const json = JSON.parse((await runCli(["list", "--json", "--db", db])).stdout) as (Event & {
      corrections?: unknown[];
    })[];
    for (const event of json) assert.deepEqual(event.corrections, byEvent.get(event.id), event.id);
  });

  it("search prints them under each corrected result, and --json carries them", async () => {
    const id = correctedIds[0] as string;
    const title =
      (JSON.parse((await runCli(["show", id, "--json", "--db", db])).stdout) as Event).title.en ?? "";
    const out = await runCli(["search", title, "--lang", "en", "--db", db]);
    assert.equal(out.code, 0, out.stderr);
    for (const c of byEvent.get(id) ?? [])
      assert.ok(out.stdout.includes(oneLine(correctionParts(c, "en").text)), id);
    const json = JSON.parse((await runCli(["search", title, "--json", "--db", db])).stdout) as (Event & {
      corrections?: unknown[];
    })[];
    assert.deepEqual(json.find((e) => e.id === id)?.corrections, byEvent.get(id));
  });

  it("show prints each correction with how it was checked and its sources, in English or with --lang zh", async () => {
    for (const [id, corrections] of byEvent) {
      const en = await runCli(["show", id, "--db", db]);
      const zh = await runCli(["show", id, "--lang", "zh", "--db", db]);
      for (const c of corrections) {
        assert.ok(en.stdout.includes(oneLine(correctionParts(c, "en").text)), id);
        assert.ok(en.stdout.includes(correctionParts(c, "en").verification), id);
        assert.ok(zh.stdout.includes(oneLine(correctionParts(c, "zh").text)), id);
        for (const url of c.sources) assert.ok(en.stdout.includes(url), url);
      }
      const json = JSON.parse((await runCli(["show", id, "--json", "--db", db])).stdout) as {
        corrections: unknown;
      };
      assert.deepEqual(json.corrections, corrections);
    }
    const plain = (JSON.parse((await runCli(["list", "--json", "--db", db])).stdout) as Event[]).find(
      (e) => !byEvent.has(e.id),
    );
    if (plain)
      assert.doesNotMatch((await runCli(["show", plain.id, "--db", db])).stdout, /^\s+Correction \(/m);
  });
});
