import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isPrivateHost } from "./privateHosts.js";

describe("isPrivateHost", () => {
  it("knows loopback, private and link-local hosts", () => {
    for (const host of [
      "localhost",
      "api.localhost",
      "127.0.0.1",
      "10.1.2.3",
      "172.20.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "[::1]",
      "fd00::1",
      "fe80::1",
      "::ffff:127.0.0.1",
      "100.64.0.1",
    ])
      assert.equal(isPrivateHost(host), true, host);
  });
  it("sees IPv4 inside IPv6 however URL writes it", () => {
    for (const url of [
      "http://[::ffff:127.0.0.1]/",
      "http://[::ffff:169.254.169.254]/",
      "http://[::7f00:1]/",
      "http://[64:ff9b::a00:1]/",
    ])
      assert.equal(isPrivateHost(new URL(url).hostname), true, url);
    assert.equal(isPrivateHost(new URL("http://[::ffff:8.8.8.8]/").hostname), false);
  });
  it("lets public names and addresses through", () => {
    for (const host of [
      "example.org",
      "8.8.8.8",
      "172.32.0.1",
      "192.169.0.1",
      "[2001:db8::1]",
      "localhost.example.org",
    ])
      assert.equal(isPrivateHost(host), false, host);
  });
});
