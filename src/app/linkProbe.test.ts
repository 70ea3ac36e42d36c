import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { HostGate } from "./hostGate.js";
import { probeLink } from "./linkProbe.js";

describe("probeLink", () => {
  const server = createServer((req, res) => {
    const hops = /^\/chain\/(\d+)$/.exec(req.url ?? "");
    if (hops) {
      const n = Number(hops[1]);
      res.writeHead(n === 0 ? 200 : 307, n === 0 ? {} : { location: `/chain/${n - 1}` });
    } else if (req.url === "/to-ftp") res.writeHead(301, { location: "ftp://example.org/file" });
    else res.writeHead(404);
    res.end();
  });
  let origin = "";
  const settings = { timeoutMs: 2000, maxRedirects: 3, userAgent: "aigov-test", gate: new HostGate(0) };
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("follows redirects up to the limit and names the last URL", async () => {
    assert.deepEqual(await probeLink(`${origin}/chain/3`, settings), {
      outcome: "ok",
      status: 200,
      finalUrl: `${origin}/chain/0`,
      error: null,
    });
    const tooLong = await probeLink(`${origin}/chain/4`, settings);
    assert.deepEqual([tooLong.outcome, tooLong.error], ["broken", "more than 3 redirects"]);
  });

  it("calls a redirect away from http(s) broken", async () => {
    const finding = await probeLink(`${origin}/to-ftp`, settings);
    assert.deepEqual(
      [finding.outcome, finding.error],
      ["broken", "redirect to an address that is not http(s)"],
    );
  });

  it("calls a refused connection unreachable", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const finding = await probeLink(`http://127.0.0.1:${port}/`, settings);
    assert.deepEqual(
      [finding.outcome, finding.status, finding.error],
      ["unreachable", null, "connection refused"],
    );
  });
});
