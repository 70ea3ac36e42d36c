import assert from "node:assert/strict";
import { describe, it } from "node:test";
import countries from "i18n-iso-countries";
import { bundledJurisdictionGroups, groupsOf } from "./jurisdictionGroups.js";

const members = (code: string) => bundledJurisdictionGroups().find((g) => g.code === code)?.members ?? [];

describe("bundled jurisdiction groups", () => {
  it("hold the membership counts their sources state", () => {
    assert.equal(members("EU").length, 27);
    assert.equal(members("OECD").length, 38);
    assert.equal(members("AFRICANUNION").length, 55);
    assert.equal(members("G7").filter((m) => countries.isValid(m)).length, 7);
    assert.equal(members("G20").filter((m) => countries.isValid(m)).length, 19);
  });

  it("list Indonesia in BRICS (January 2025) and Timor-Leste in ASEAN (October 2025)", () => {
    assert.ok(members("BRICS").includes("ID"));
    assert.ok(members("ASEAN").includes("TL"));
  });

  it("name every country by a valid ISO 3166-1 code, each once, and bodies by their body codes", () => {
    const bodies = new Set(bundledJurisdictionGroups().map((g) => g.code));
    for (const group of bundledJurisdictionGroups()) {
      const list = group.members ?? [];
      assert.equal(new Set(list).size, list.length, group.code);
      for (const code of list)
        assert.ok(countries.isValid(code) || bodies.has(code), `${group.code}: ${code}`);
    }
  });

  it("give each list a source and keep AU for Australia, not the African Union", () => {
    for (const group of bundledJurisdictionGroups()) assert.ok(group.source.note.length > 0);
    assert.ok(members("OECD").includes("AU"));
    assert.ok(!members("AFRICANUNION").includes("AU"));
  });

  it("places a subdivision in its country's groups", () => {
    assert.deepEqual(groupsOf("US-CA"), ["OECD", "G7", "G20"]);
  });
});
