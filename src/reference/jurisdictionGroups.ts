import type { JurisdictionGroup } from "../domain/jurisdictionGroup.js";
import { bundledObligations } from "./obligationsData.js";

/** The blocs and bodies with their members (data/jurisdictionGroups.json), as the obligations data read them. */
export function bundledJurisdictionGroups(): JurisdictionGroup[] {
  return bundledObligations().groups;
}

/** The groups a jurisdiction belongs to (a subdivision through its country), by code. */
export function groupsOf(code: string, groups = bundledJurisdictionGroups()): string[] {
  const country = code.split("-")[0] as string;
  return groups.filter((g) => g.members?.includes(code) || g.members?.includes(country)).map((g) => g.code);
}
