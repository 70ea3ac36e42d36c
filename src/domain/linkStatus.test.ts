import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { archivedCopyUrl, type LinkFinding, nextLinkState, outcomeOfStatus } from "./linkStatus.js";

const found = (outcome: LinkFinding["outcome"], status: number | null): LinkFinding => ({
  outcome,
  status,
  finalUrl: null,
  error: outcome === "ok" ? null : "why",
});

describe("outcomeOfStatus", () => {
  it("calls 2xx ok, 401, 403 and 429 blocked, and every other end of a check broken", () => {
    assert.equal(outcomeOfStatus(200), "ok");
    assert.equal(outcomeOfStatus(204), "ok");
    for (const status of [401, 403, 429]) assert.equal(outcomeOfStatus(status), "blocked");
    for (const status of [304, 400, 404, 405, 410, 451, 500, 503])
      assert.equal(outcomeOfStatus(status), "broken");
  });
});

describe("nextLinkState", () => {
  it("keeps when a link last worked and since when it fails, and counts the failures in a row", () => {
    const first = nextLinkState(null, found("ok", 200), "2026-01-01T00:00:00Z", "2025-05-05");
    assert.equal(first.lastOkAt, "2026-01-01T00:00:00Z");
    const broken = nextLinkState(first, found("broken", 404), "2026-02-01T00:00:00Z", "2025-05-05");
    const still = nextLinkState(broken, found("unreachable", null), "2026-03-01T00:00:00Z", "2025-05-05");
    assert.deepEqual(
      [still.lastOkAt, still.firstBrokenAt, still.failures, still.status],
      ["2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z", 2, null],
    );
    const mended = nextLinkState(still, found("ok", 200), "2026-04-01T00:00:00Z", "2025-05-05");
    assert.deepEqual(
      [mended.lastOkAt, mended.firstBrokenAt, mended.failures],
      ["2026-04-01T00:00:00Z", null, 0],
    );
  });

  it("lets a blocked check tell nothing: the history stays as it was", () => {
    const broken = nextLinkState(null, found("broken", 404), "2026-02-01T00:00:00Z", "2025-05-05");
    const blocked = nextLinkState(broken, found("blocked", 429), "2026-03-01T00:00:00Z", "2025-05-05");
    assert.deepEqual(
      [blocked.outcome, blocked.firstBrokenAt, blocked.failures, blocked.lastOkAt],
      ["blocked", "2026-02-01T00:00:00Z", 1, null],
    );
  });

  it("never moves the day a link was first cited forward", () => {
    const first = nextLinkState(null, found("ok", 200), "2026-01-01T00:00:00Z", "2025-05-05");
    assert.equal(
      nextLinkState(first, found("ok", 200), "2026-02-01T00:00:00Z", "2026-02-01").firstCitedOn,
      "2025-05-05",
    );
    assert.equal(
      nextLinkState(first, found("ok", 200), "2026-02-01T00:00:00Z", "2024-12-31").firstCitedOn,
      "2024-12-31",
    );
  });
});

describe("archivedCopyUrl", () => {
  it("asks the Wayback Machine for the copy nearest the day, the URL appended as it is", () => {
    assert.equal(
      archivedCopyUrl("https://example.org/a?b=1&c=%20", "2025-08-02"),
      "https://web.archive.org/web/20250802/https://example.org/a?b=1&c=%20",
    );
  });
});
