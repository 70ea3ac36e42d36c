import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { escapeHtml } from "./escapeHtml.js";

describe("escapeHtml", () => {
  it("escapes markup, ampersands and both quotes", () => {
    assert.equal(
      escapeHtml(`<script>alert("x")</script> & 'y'`),
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;",
    );
  });
  it("leaves other text, Chinese included, as it is", () => {
    assert.equal(escapeHtml("欧盟《人工智能法案》— 2025"), "欧盟《人工智能法案》— 2025");
  });
});
