import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AppError } from "./appError.js";
import { NO_PARAMETERS, refuseUnexpectedParameters } from "./queryParameters.js";

const refusal = (query: string, accepted: Parameters<typeof refuseUnexpectedParameters>[1]) => {
  try {
    refuseUnexpectedParameters(new URLSearchParams(query), accepted);
    return null;
  } catch (error) {
    assert.ok(error instanceof AppError);
    return { kind: error.kind, detail: error.message, errors: error.issues };
  }
};

describe("refuseUnexpectedParameters", () => {
  it("lets declared parameters through, lists repeated", () => {
    assert.equal(refusal("from=2025&tag=a&tag=b", { from: "once", tag: "list" }), null);
    assert.equal(refusal("", NO_PARAMETERS), null);
  });
  it("names every unknown and every repeated parameter at once, with what is accepted", () => {
    assert.deepEqual(refusal("a=1&from=1&from=2&b=2", { from: "once" }), {
      kind: "invalid-request",
      detail:
        "a: unknown parameter (accepted: from); from: expected once; b: unknown parameter (accepted: from)",
      errors: [
        { parameter: "a", message: "unknown parameter (accepted: from)" },
        { parameter: "from", message: "expected once" },
        { parameter: "b", message: "unknown parameter (accepted: from)" },
      ],
    });
  });
  it("treats names of Object.prototype as unknown", () => {
    for (const name of ["__proto__", "constructor", "toString", "hasOwnProperty"])
      assert.equal(refusal(`${name}=1`, { from: "once" })?.errors?.[0]?.parameter, name);
  });
  it("says when an address takes no parameter, and bounds a long name", () => {
    assert.equal(refusal("x=1", NO_PARAMETERS)?.detail, "x: unknown parameter (this address takes none)");
    const long = refusal(`${"n".repeat(5000)}=1`, NO_PARAMETERS);
    assert.ok((long?.detail.length ?? 0) < 200);
  });
});
