import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { hasXmlInvalid, xmlText } from "./xmlText.js";

describe("xmlText", () => {
  it("removes the characters XML 1.0 forbids and keeps tab, newline and carriage return", () => {
    assert.equal(xmlText("a\u0000b\u0007c\u000bd\u001fe\ufffef\uffffg"), "abcdefg");
    assert.equal(xmlText("a\tb\nc\rd"), "a\tb\nc\rd");
  });

  it("keeps every allowed character, astral ones included, and removes lone surrogates", () => {
    assert.equal(xmlText("中文 \u00a0\ud7ff\ue000\ufffd😀"), "中文 \u00a0\ud7ff\ue000\ufffd😀");
    assert.equal(xmlText("a\ud800b\udc00c"), "abc");
  });

  it("tells whether a text holds a forbidden character", () => {
    assert.equal(hasXmlInvalid("ok\n"), false);
    assert.equal(hasXmlInvalid("no\u0000"), true);
    assert.equal(hasXmlInvalid("no\uffff"), true);
  });
});
