import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { jsonObjectBytes, RawJson } from "./jsonBytes.js";

describe("jsonObjectBytes", () => {
  it("writes what JSON.stringify writes, with raw members placed as they are", () => {
    const items = [
      { id: "a", title: { zh: "欧盟", en: 'EU "AI" Act' } },
      { id: "b", n: 1.5e-7 },
    ];
    const value = { items, total: 2, facets: { type: { law: 2 } }, next: null, skipped: undefined };
    const bytes = jsonObjectBytes({
      ...value,
      items: RawJson.array(items.map((item) => Buffer.from(JSON.stringify(item)))),
    });
    assert.equal(bytes.toString("utf8"), JSON.stringify(value));
  });

  it("writes empty objects and arrays", () => {
    assert.equal(jsonObjectBytes({}).toString(), "{}");
    assert.equal(jsonObjectBytes({ items: RawJson.array([]) }).toString(), '{"items":[]}');
  });
});
