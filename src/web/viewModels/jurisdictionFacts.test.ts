import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { requestedCodes } from "../pages/comparePage.js";
import { isUpcoming, kindOf } from "./jurisdictionFacts.js";

describe("jurisdiction facts", () => {
  it("calls an effective date upcoming only when its first day is after today", () => {
    assert.equal(isUpcoming("2026-08-02", "2026-08-01"), true);
    assert.equal(isUpcoming("2026-08", "2026-08-15"), false);
    assert.equal(isUpcoming("2027", "2026-12-31"), true);
  });

  it("knows countries by ISO code, bundled blocs and codes with events, and nothing else", () => {
    const places = new Map();
    assert.equal(kindOf("DE", places, {}), "country");
    assert.equal(kindOf("AU", places, {}), "country");
    assert.equal(kindOf("AFRICANUNION", places, {}), "body");
    assert.equal(kindOf("US-TX", places, { "US-TX": 1 }), "subdivision");
    assert.equal(kindOf("QQ", places, {}), null);
  });

  it("reads compare's codes repeated or comma-separated, upper-cased, each once", () => {
    const url = new URL("http://x/compare?j=eu,CN&j=us&j=EU&j=");
    assert.deepEqual(requestedCodes(url), ["EU", "CN", "US"]);
  });
});
