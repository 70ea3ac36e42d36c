// Writes the README's "What was verified, and what was not" table from data/ (instruments and duties).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { bundledObligations } from "../src/reference/obligationsData.js";
import { verificationTable, withVerificationTable } from "../src/obligations/verificationTable.js";

const path = join(import.meta.dirname, "..", "README.md");
writeFileSync(
  path,
  withVerificationTable(readFileSync(path, "utf8"), verificationTable(bundledObligations())),
);
console.log("README.md: verification table written from data/");
