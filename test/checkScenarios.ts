import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type CheckProfile, CheckProfile as ProfileSchema } from "../src/domain/checkProfile.js";
import { checkObligations } from "../src/obligations/checkObligations.js";
import { readObligationsData } from "../src/reference/obligationsData.js";

// The scenario tables of the checker's coverage (test/scenarios/*.test.ts): each row a profile, a day,
// a duty, where the answer must put it, and the article that must decide it.

export const bundledData = readObligationsData();

export type Expect = "applies" | "upcoming" | "notApplicable" | "missing";

export interface Scenario {
  name: string;
  profile: CheckProfile;
  /** The day checked, YYYY-MM-DD. */
  at: string;
  obligation: string;
  expect: Expect;
  /** The article that decides the answer: the reason's article, the citation, or the transition. */
  article?: string;
  from?: string;
  complyBy?: string;
  /** A date the answer must give as an alternative for an open question. */
  alternative?: string;
  /** For `missing`: a field the answer must ask for. */
  missing?: string;
  /** For `notApplicable`: text the reason must contain (en). */
  reason?: RegExp;
  /** Whether the answer must show a penalty (true) or none (false). */
  penalty?: boolean;
}

/** Where one duty landed for a profile on a day, with the article that decided it. */
export function outcome(profile: CheckProfile, at: string, obligation: string) {
  const result = checkObligations(bundledData, ProfileSchema.parse(profile), at);
  for (const place of ["applies", "upcoming", "notApplicable"] as const) {
    const item = result[place].find((i) => i.obligation === obligation);
    if (item) return { place: place as Expect, item, result };
  }
  const missing = result.missing.filter((m) => m.decides.includes(obligation)).map((m) => m.field);
  return {
    place: (missing.length ? "missing" : "absent") as Expect | "absent",
    item: undefined,
    missing,
    result,
  };
}

/** Runs a table of scenarios as one test each, under `title`, requiring at least `minimum` rows. */
export function runScenarios(title: string, scenarios: Scenario[], minimum: number): void {
  describe(title, () => {
    it(`holds at least ${minimum} scenarios (${scenarios.length})`, () =>
      assert.ok(scenarios.length >= minimum));
    for (const s of scenarios) {
      it(`${s.name} → ${s.expect}${s.article ? ` (${s.article})` : ""}`, () => {
        const found = outcome(s.profile, s.at, s.obligation);
        assert.notEqual(
          found.place,
          "absent",
          `${s.obligation} is not in the answer of ${s.at} (not in law that day?)`,
        );
        assert.equal(found.place, s.expect, JSON.stringify(found.item?.reason ?? found.missing));
        if (s.missing) assert.ok(found.missing?.includes(s.missing), `missing ${found.missing}`);
        if (s.from) assert.equal(found.item?.from, s.from);
        if (s.complyBy) assert.equal(found.item?.complyBy, s.complyBy);
        if (s.alternative)
          assert.ok(
            found.item?.alternatives?.some((a) => a.date === s.alternative),
            JSON.stringify(found.item?.alternatives),
          );
        if (s.reason) assert.match(found.item?.reason?.en ?? "", s.reason);
        if (s.penalty !== undefined)
          assert.equal(found.item?.penalty != null, s.penalty, JSON.stringify(found.item?.penalty));
        if (s.article && found.item) {
          const articles = [
            found.item.decidedBy,
            found.item.citation.article,
            found.item.transition?.article,
          ];
          assert.ok(
            articles.some((a) => a?.includes(s.article as string)),
            `expected ${s.article} among ${articles.join(" | ")}`,
          );
        }
      });
    }
  });
}

/** Whether a duty is absent from a day's answer: a version not in law that day (superseded or not yet). */
export function absentOn(profile: CheckProfile, at: string, obligation: string): boolean {
  return outcome(profile, at, obligation).place === ("absent" as Expect);
}
