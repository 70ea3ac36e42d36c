import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { reportLimits, resolveDatabaseLocation, searchSnapshotPath, streamingLimits } from "./config.js";

describe("where the search snapshot is kept", () => {
  const env = { XDG_CACHE_HOME: "/cache", HOME: "/home/analyst" };
  it("beside a SQLite file, and nowhere for a database in memory", () => {
    assert.equal(
      searchSnapshotPath({ kind: "sqlite", path: "/data/aigov.db" }, env),
      "/data/aigov.db.search-index",
    );
    assert.equal(searchSnapshotPath({ kind: "sqlite", path: ":memory:" }, env), undefined);
  });
  it("in the cache folder for PostgreSQL, one file per server and database, never naming the password", () => {
    const path = (url: string) => searchSnapshotPath(resolveDatabaseLocation(url, {}), env) as string;
    const first = path("postgres://aigov:secret@db.example:5432/archive");
    assert.match(first, /^\/cache\/aigov\/postgres-[0-9a-f]{16}\.search-index$/);
    assert.doesNotMatch(first, /secret/);
    assert.equal(path("postgres://aigov:rotated@db.example:5432/archive"), first);
    assert.notEqual(path("postgres://aigov:secret@db.example:5432/other"), first);
    assert.match(
      searchSnapshotPath(resolveDatabaseLocation("postgres://h/db", {}), { HOME: "/home/analyst" }) as string,
      /^\/home\/analyst\/\.cache\/aigov\//,
    );
  });
});

describe("reportLimits", () => {
  it("keeps 50 years and one browser, eight waiting renders and a minute each when nothing is set", () => {
    assert.deepEqual(reportLimits({}), {
      maxYears: 50,
      pool: { size: 1, queueLength: 8, timeoutMs: 60_000 },
    });
  });
  it("takes the operator's values, and refuses one out of range by the variable's name", () => {
    const env = {
      AIGOV_REPORT_MAX_YEARS: "20",
      AIGOV_CHROMIUM_POOL: "2",
      AIGOV_RENDER_QUEUE: "0",
      AIGOV_RENDER_TIMEOUT_MS: "30000",
    };
    assert.deepEqual(reportLimits(env), {
      maxYears: 20,
      pool: { size: 2, queueLength: 0, timeoutMs: 30_000 },
    });
    assert.throws(
      () => reportLimits({ AIGOV_CHROMIUM_POOL: "6" }),
      /^Error: AIGOV_CHROMIUM_POOL: expected a whole number from 1 to 2, got "6"$/,
    );
    assert.throws(() => reportLimits({ AIGOV_REPORT_MAX_YEARS: "ten" }), /AIGOV_REPORT_MAX_YEARS/);
  });
});

describe("streamingLimits", () => {
  it("sets nothing when nothing is set, so that the server's defaults apply", () => {
    assert.deepEqual(streamingLimits({}), {});
    assert.deepEqual(streamingLimits({ AIGOV_MAX_EXPORTS: " " }), {});
  });
  it("takes each variable that is set, and only those", () => {
    assert.deepEqual(streamingLimits({ AIGOV_MAX_EXPORTS: "8", AIGOV_WRITE_IDLE_TIMEOUT_MS: "5000" }), {
      maxExports: 8,
      writeIdleTimeoutMs: 5000,
    });
    assert.deepEqual(streamingLimits({ AIGOV_MAX_EXPORTS_PER_CLIENT: "1" }), { maxExportsPerClient: 1 });
  });
  it("refuses a value out of range or not a whole number by the variable's name", () => {
    assert.throws(
      () => streamingLimits({ AIGOV_MAX_EXPORTS: "0" }),
      /AIGOV_MAX_EXPORTS: expected a whole number from 1 to 1000, got "0"/,
    );
    assert.throws(
      () => streamingLimits({ AIGOV_MAX_EXPORTS_PER_CLIENT: "2.5" }),
      /AIGOV_MAX_EXPORTS_PER_CLIENT/,
    );
    assert.throws(
      () => streamingLimits({ AIGOV_WRITE_IDLE_TIMEOUT_MS: "10" }),
      /AIGOV_WRITE_IDLE_TIMEOUT_MS: expected a whole number from 1000/,
    );
  });
});
