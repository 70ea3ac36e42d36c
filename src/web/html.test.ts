import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { html, unsafeRaw } from "./html.js";

describe("html", () => {
  it("escapes every interpolated text, in content and attributes", () => {
    const evil = `<script>alert("x")</script>'`;
    const out = html`<a title="${evil}">${evil}</a>`.toString();
    assert.ok(!out.includes("<script>"));
    assert.equal(
      out,
      `<a title="${"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;"}">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;</a>`,
    );
  });

  it("passes markup built by html (and lists of it) through, and drops null, undefined and false", () => {
    const items = ["a<b", "c"].map((x) => html`<li>${x}</li>`);
    assert.equal(
      html`<ul>
        ${items}${null}${undefined}${false}${0}
      </ul>`
        .toString()
        .replace(/\s+/g, ""),
      "<ul><li>a&lt;b</li><li>c</li>0</ul>",
    );
    assert.equal(html`${unsafeRaw("<br>")}`.toString(), "<br>");
  });
});
