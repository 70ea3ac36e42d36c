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
    const omnibus = table.split("\n").find((row) => row.startsWith("| Digital Omnibus"));
    assert.ok(omnibus, "the Omnibus has a row");
    const [, official = "", secondary = ""] = omnibus.split(" | ");
    assert.match(official, /2025\/0359\(COD\)/);
    assert.match(secondary, /Regulation \(EU\) 2026\/1744/);
    assert.doesNotMatch(official, /2026\/1744/);
  });
});
