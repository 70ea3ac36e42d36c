import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseCheckProfile } from "./checkProfile.js";

const subdivisions = new Set(["US-CA"]);
const issues = (input: unknown) => {
  const parsed = parseCheckProfile(input, subdivisions);
  return "issues" in parsed ? parsed.issues : [];
};

describe("parseCheckProfile", () => {
  it("accepts the issue's two example profiles", () => {
    assert.deepEqual(
      issues({
        kind: "model",
        trainingFlop: 3e25,
        modalities: ["text", "image"],
        markets: ["EU", "CN", "US-CA"],
        role: "provider",
        annualRevenueUsd: 2e9,
        placedOnMarket: "2025-03-01",
      }),
      [],
    );
    assert.deepEqual(
      issues({
        kind: "service",
        generatesContent: true,
        modalities: ["image", "text"],
        markets: ["CN", "KR"],
        role: "provider",
      }),
      [],
    );
  });

  it("reads numbers as people write them: 3e25, 3×10^25, 3·10²⁵, 10^25", () => {
    for (const written of ["3e25", "3×10^25", "3·10²⁵", "3 x 10^25"]) {
      const parsed = parseCheckProfile({ kind: "model", trainingFlop: written }, subdivisions);
      assert.ok("profile" in parsed && parsed.profile.trainingFlop === 3e25, written);
    }
  });

  it("names an unknown field", () => {
    assert.deepEqual(issues({ kind: "model", trainingFlops: 1e25 }), [
      { field: "trainingFlops", message: "unknown field" },
    ]);
  });

  it("refuses negative and non-numeric FLOP, naming the field", () => {
    assert.equal(issues({ kind: "model", trainingFlop: -1 })[0]?.field, "trainingFlop");
    assert.equal(issues({ kind: "model", trainingFlop: "1e25 FLOP" })[0]?.field, "trainingFlop");
    assert.equal(issues({ kind: "model", fineTuningFlop: -5 })[0]?.field, "fineTuningFlop");
  });

  it("refuses unknown market codes and takes AU as Australia", () => {
    assert.deepEqual(issues({ kind: "model", markets: ["EU", "XX"] }), [
      { field: "markets.1", message: 'unknown market code "XX"' },
    ]);
    assert.equal(issues({ kind: "model", markets: ["US-ZZ"] })[0]?.field, "markets.0");
    assert.deepEqual(issues({ kind: "model", markets: ["AU"] }), []);
    assert.equal(issues({ kind: "model", markets: ["AFRICANUNION"] })[0]?.field, "markets.0");
  });

  it("refuses malformed and impossible dates", () => {
    assert.equal(issues({ kind: "model", placedOnMarket: "2025-13-01" })[0]?.field, "placedOnMarket");
    assert.equal(issues({ kind: "model", placedOnMarket: "2025-02-30" })[0]?.field, "placedOnMarket");
    assert.equal(issues({ kind: "model", placedOnMarket: "2025-03" })[0]?.field, "placedOnMarket");
  });

  it("needs a kind", () => {
    assert.equal(issues({})[0]?.field, "kind");
  });
});
