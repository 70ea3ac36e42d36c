import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { bundledObligations } from "../reference/obligationsData.js";
import { verificationTable, withVerificationTable } from "./verificationTable.js";

describe("the README's verification table", () => {
  it("is the one the data makes (run scripts/write-verification-table.ts after changing data/)", () => {
    const readme = readFileSync(join(import.meta.dirname, "..", "..", "README.md"), "utf8");
    assert.equal(withVerificationTable(readme, verificationTable(bundledObligations())), readme);
  });

  it("puts each fact under the label its record carries", () => {
    const table = verificationTable(bundledObligations());
    // The Digital Omnibus: its procedure number read on an EU site is official; its regulation number,
    // read in a copy of the Official Journal file in a public repository, and the proposal's, secondary.
    const omnibus = table.split("\n").find((row) => row.startsWith("| Regulation (EU) 2026/1744"));
    assert.ok(omnibus, "the Omnibus has a row");
    const [, official = "", secondary = ""] = omnibus.split(" | ");
    assert.match(official, /2025\/0359\(COD\)/);
    assert.match(secondary, /Regulation \(EU\) 2026\/1744/);
    assert.match(secondary, /COM\(2025\) 836 final/);
  });
});
