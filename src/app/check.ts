import type { CheckResult } from "../domain/checkResult.js";
import { type ProfileIssue, parseCheckProfile } from "../domain/checkProfile.js";
import { checkObligations } from "../obligations/checkObligations.js";
import { todayUtc } from "../obligations/deadlines.js";
import { isCheckDate, knownSubdivisions, profileFromJson } from "../obligations/profileInput.js";
import type { AppServices } from "./appServices.js";

/** The checker's answer, or the fields that stop it, each with what was expected of it. */
export type CheckOutcome = { result: CheckResult } | { issues: ProfileIssue[] };

/**
 * Which obligations bind the model or service a profile describes, on a day (default today, UTC): the
 * profile as JSON text (a request body, a file) or as an object (a form's fields), checked against the
 * reference data the services hold (a market must be one it knows). A bad date, field or market is
 * returned as issues, each adapter saying them its own way; nothing is guessed.
 */
export function checkProfile(
  services: Pick<AppServices, "obligations">,
  input: { json: string } | { profile: unknown },
  at: string = todayUtc(),
): CheckOutcome {
  const data = services.obligations;
  const issues: ProfileIssue[] = isCheckDate(at)
    ? []
    : [{ field: "at", message: "expected a date written YYYY-MM-DD" }];
  const parsed =
    "json" in input
      ? profileFromJson(input.json, data)
      : parseCheckProfile(input.profile, knownSubdivisions(data));
  if ("issues" in parsed) issues.push(...parsed.issues);
  if (issues.length || "issues" in parsed) return { issues };
  return { result: checkObligations(data, parsed.profile, at) };
}
