import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { terminalJson, terminalOutput, terminalText } from "./terminalText.js";

describe("terminalText", () => {
  it("removes escape sequences' introducers, C1 controls and CR, and keeps tab and newline", () => {
    const text = "a\u001b[31mred\u001b]8;;https://x\u0007link\u001b]8;;\u0007\u009b2J\u0085\r\tb\nc";
    assert.equal(terminalText(text), "a[31mred]8;;https://xlink]8;;2J\tb\nc");
  });

  it("removes the bidirectional controls that reorder a printed line", () => {
    const bidi = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c";
    assert.equal(terminalText(`safe${bidi}txt.exe`), "safetxt.exe");
    assert.equal(terminalText("中文 עברית العربية"), "中文 עברית العربية");
  });
});

describe("terminalOutput", () => {
  const hostile = "x\u001b[2J\u202e\u0085y\n";

  it("cleans what goes to a terminal", () => {
    assert.equal(terminalOutput({ isTTY: true }, hostile), "x[2Jy\n");
    assert.equal(terminalOutput({ isTTY: true }, Buffer.from(hostile)), "x[2Jy\n");
  });

  it("leaves what goes to a file or a pipe byte for byte", () => {
    assert.equal(terminalOutput({ isTTY: false }, hostile), hostile);
    assert.equal(terminalOutput({}, hostile), hostile);
  });
});

describe("terminalJson", () => {
  it("writes C1 and bidi controls as \\u escapes that read back as the same text", () => {
    const value = { title: "a\u0085b\u202ec\u0000" };
    const json = terminalJson(value);
    // eslint-disable-next-line no-control-regex -- the controls are what the test looks for
    assert.doesNotMatch(json, /[\u0000-\u0009\u000b-\u001f\u0085\u202e]/);
    assert.deepEqual(JSON.parse(json), value);
  });
});
