import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { chooseLanguage, preferredLanguage } from "./language.js";

describe("language", () => {
  it("preferredLanguage › reads Accept-Language by q-value, then order", () => {
    assert.equal(preferredLanguage("en-GB,en;q=0.9,zh;q=0.8"), "en");
    assert.equal(preferredLanguage("fr-FR, zh-CN;q=0.7, en;q=0.5"), "zh");
    assert.equal(preferredLanguage("en;q=0.2, zh-TW;q=0.9"), "zh");
    assert.equal(preferredLanguage("fr, de"), null);
    assert.equal(preferredLanguage("en;q=0"), null);
    assert.equal(preferredLanguage(undefined), null);
  });

  it("chooseLanguage › the URL wins, then the cookie, then Accept-Language, then Chinese", () => {
    const accept = "en-US";
    assert.deepEqual(chooseLanguage({ query: "zh", cookie: "aigov_lang=en", acceptLanguage: accept }), {
      lang: "zh",
      fromUrl: true,
    });
    assert.equal(
      chooseLanguage({ query: "xx", cookie: "a=1; aigov_lang=zh", acceptLanguage: accept }).lang,
      "zh",
    );
    assert.equal(chooseLanguage({ query: undefined, cookie: undefined, acceptLanguage: accept }).lang, "en");
    assert.equal(
      chooseLanguage({ query: undefined, cookie: "aigov_lang=fr", acceptLanguage: "de" }).lang,
      "zh",
    );
  });
});
