import SQLite from "better-sqlite3";
import { Event } from "../src/domain/event.js";
import { tokenize, tokenTerms } from "../src/search/textTerms.js";

/** Text as FTS5 will see it: the same bigrams and stems as the index, joined by spaces. */
function segmented(text: string): string {
  return tokenize(text).flatMap(tokenTerms).join(" ");
}

/** An FTS5 MATCH expression for a query: every clause as a phrase of its terms. */
export function ftsQuery(query: string): string {
  return tokenize(query)
    .filter((token) => !("part" in token && token.part))
    .map((token) => `"${tokenTerms(token).join(" ")}"`)
    .join(" AND ");
}

/**
 * The baseline: a plain FTS5 table over the same database (same segmentation), queried the usual way
 * — bm25 rank over every match, and a GROUP BY per facet. Built once per database file.
 */
export function rawFts(path: string) {
  const db = new SQLite(path);
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'bench_fts'").get();
  if (!exists) {
    db.exec("CREATE VIRTUAL TABLE bench_fts USING fts5(title, summary, sources, tokenize = 'unicode61')");
    db.exec("CREATE TABLE bench_rowids (rowid INTEGER PRIMARY KEY, id TEXT, jurisdiction TEXT)");
    const insert = db.prepare("INSERT INTO bench_fts (rowid, title, summary, sources) VALUES (?, ?, ?, ?)");
    const ids = db.prepare("INSERT INTO bench_rowids (rowid, id, jurisdiction) VALUES (?, ?, ?)");
    // A second connection reads while the first writes (one connection cannot do both at once).
    const reader = new SQLite(path, { readonly: true });
    const rows = reader.prepare("SELECT body FROM events").iterate() as Iterable<{ body: string }>;
    let n = 0;
    db.exec("BEGIN");
    for (const row of rows) {
      const event = Event.parse(JSON.parse(row.body));
      n++;
      insert.run(
        n,
        segmented(`${event.title.zh ?? ""} ${event.title.en ?? ""}`),
        segmented(`${event.summary.zh ?? ""} ${event.summary.en ?? ""}`),
        segmented(event.sources.map((s) => s.text ?? "").join(" ")),
      );
      ids.run(n, event.id, event.jurisdictions[0] ?? null);
      if (n % 50_000 === 0) process.stderr.write(`\r  building the FTS5 baseline: ${n}`);
    }
    db.exec("COMMIT");
    reader.close();
    process.stderr.write("\n");
  }
  const ranked = db.prepare(
    "SELECT r.id FROM bench_fts JOIN bench_rowids r ON r.rowid = bench_fts.rowid WHERE bench_fts MATCH ? ORDER BY bm25(bench_fts, 10.0, 3.0, 1.0) LIMIT 20",
  );
  const facet = db.prepare(
    "SELECT r.jurisdiction, count(*) AS n FROM bench_fts JOIN bench_rowids r ON r.rowid = bench_fts.rowid WHERE bench_fts MATCH ? GROUP BY r.jurisdiction",
  );
  return {
    search(query: string) {
      const match = ftsQuery(query);
      ranked.all(match);
      facet.all(match);
    },
    close: () => db.close(),
  };
}
