import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { httpUrlOrNull, isHttpUrl } from "./httpUrl.js";

describe("httpUrlOrNull", () => {
  it("keeps http and https URLs as written", () => {
    assert.equal(httpUrlOrNull("https://www.cac.gov.cn/a.htm"), "https://www.cac.gov.cn/a.htm");
    assert.equal(httpUrlOrNull("http://www.scio.gov.cn/x"), "http://www.scio.gov.cn/x");
  });
  it("refuses every other scheme, relative URLs and nothing", () => {
    for (const bad of [
      "javascript:alert(1)",
      "JAVASCRIPT:alert(1)",
      "data:text/html,x",
      "file:///etc/passwd",
      "/x",
      "",
      null,
      undefined,
    ])
      assert.equal(httpUrlOrNull(bad), null, String(bad));
    assert.equal(isHttpUrl("vbscript:x"), false);
  });
});
