import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resolveDatabaseLocation, searchSnapshotPath } from "./config.js";

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
