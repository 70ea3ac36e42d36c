import { readFileSync } from "node:fs";
import { join } from "node:path";
import { JurisdictionGroup, JurisdictionGroupFile } from "../domain/jurisdictionGroup.js";
import { DATA_DIR } from "./bundledDataset.js";

let cached: JurisdictionGroup[] | null = null;

/** The blocs and bodies with their members, read once from data/jurisdictionGroups.json. */
export function bundledJurisdictionGroups(): JurisdictionGroup[] {
  cached ??= JurisdictionGroupFile.parse(
    JSON.parse(readFileSync(join(DATA_DIR, "jurisdictionGroups.json"), "utf8")),
  ).groups;
  return cached;
}

/** The groups a jurisdiction belongs to (a subdivision through its country), by code. */
export function groupsOf(code: string, groups = bundledJurisdictionGroups()): string[] {
  const country = code.split("-")[0] as string;
  return groups.filter((g) => g.members?.includes(code) || g.members?.includes(country)).map((g) => g.code);
}
