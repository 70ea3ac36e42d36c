import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formTokenMatches, formTokenOf, localNext, sessionCookie } from "./webSession.js";

describe("webSession", () => {
  it("goes back only to a path of this site after signing in", () => {
    assert.equal(localNext("/events/x?lang=en"), "/events/x?lang=en");
    for (const elsewhere of [
      "https://evil.example/",
      "//evil.example/",
      "/\\evil.example",
      "evil",
      "",
      null,
      "/a\r\nSet-Cookie: x",
    ])
      assert.equal(localNext(elsewhere), "/", String(elsewhere));
  });

  it("reads only form tokens it could have made, and compares them whole", () => {
    const token = "a".repeat(43);
    assert.equal(formTokenOf(`x=1; aigov_form=${token}`), token);
    assert.equal(formTokenOf("aigov_form=short"), undefined);
    assert.equal(formTokenMatches(token, token), true);
    assert.equal(formTokenMatches(token, `${token}b`), false);
    assert.equal(formTokenMatches(undefined, undefined), false);
  });

  it("makes the session cookie HttpOnly and SameSite=Lax, Secure over HTTPS", () => {
    assert.match(
      sessionCookie("v", false),
      /^aigov_session=v; Path=\/; Max-Age=1209600; HttpOnly; SameSite=Lax$/,
    );
    assert.match(sessionCookie("v", true), /; Secure$/);
  });
});
