import { type CheckProfile, type ProfileIssue, parseCheckProfile } from "../domain/checkProfile.js";
import { precisionOf } from "../domain/partialDate.js";
import { readBundledJurisdictions } from "../report/jurisdictionNames.js";
import type { ObligationsData } from "../reference/obligationsData.js";

/** The largest profile accepted, in bytes: a profile is a few hundred bytes; more is a mistake or abuse. */
export const MAX_PROFILE_BYTES = 64 * 1024;

/** Subdivision codes a market may name: those the obligations or the bundled gazetteer know. */
export function knownSubdivisions(data: ObligationsData): Set<string> {
  const codes = new Set(data.obligations.map((o) => o.jurisdiction).filter((code) => code.includes("-")));
  for (const jurisdiction of readBundledJurisdictions())
    if (jurisdiction.code.includes("-")) codes.add(jurisdiction.code);
  return codes;
}

/** JSON.parse's position message as "line L, column C" where it gives an offset. */
function jsonErrorWhere(text: string, error: Error): string {
  const offset = /position (\d+)/.exec(error.message)?.[1];
  if (offset === undefined) return error.message;
  const before = text.slice(0, Number(offset));
  const line = before.split("\n").length;
  const column = Number(offset) - before.lastIndexOf("\n");
  return `line ${line}, column ${column}: ${error.message.replace(/ in JSON at position \d+.*$/, "")}`;
}

/**
 * A profile from JSON text (a file or a request body): too large, not JSON, not an object, an unknown
 * field, a bad value or an unknown market each give issues naming the field; nothing is guessed.
 */
export function profileFromJson(
  text: string,
  data: ObligationsData,
): { profile: CheckProfile } | { issues: ProfileIssue[] } {
  if (Buffer.byteLength(text, "utf8") > MAX_PROFILE_BYTES)
    return { issues: [{ field: "(body)", message: `larger than ${MAX_PROFILE_BYTES / 1024} KB` }] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { issues: [{ field: "(body)", message: `not JSON (${jsonErrorWhere(text, error as Error)})` }] };
  }
  if (typeof json !== "object" || json === null || Array.isArray(json))
    return {
      issues: [{ field: "(body)", message: "expected a JSON object describing a model or a service" }],
    };
  return parseCheckProfile(json, knownSubdivisions(data));
}

/** A check date: YYYY-MM-DD, a real calendar day. */
export function isCheckDate(value: string): boolean {
  return value.length === 10 && precisionOf(value) === "day";
}

/** Issues as one line: "field: message; field: message". */
export function describeProfileIssues(issues: ProfileIssue[]): string {
  return issues.map((issue) => `${issue.field}: ${issue.message}`).join("; ");
}
