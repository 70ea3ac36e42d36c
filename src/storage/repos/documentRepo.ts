import type { Kysely } from "kysely";
import { SourceDocument } from "../../domain/document.js";
import type { Tables } from "../schema.js";

type Db = Kysely<Tables>;

/** Stores a source document and its narrative, replacing an earlier import of the same document. */
export async function writeDocument(db: Db, document: SourceDocument, now: string): Promise<void> {
  const row = {
    title: document.title,
    lang: document.lang,
    year: document.year,
    narrative: JSON.stringify(document.narrative),
    updated_at: now,
  };
  await db
    .insertInto("documents")
    .values({ key: document.key, ...row })
    .onConflict((conflict) => conflict.column("key").doUpdateSet(row))
    .execute();
}

/** Every stored source document, with its narrative. */
export async function listDocuments(db: Db): Promise<SourceDocument[]> {
  const rows = await db
    .selectFrom("documents")
    .selectAll()
    .orderBy("year", (ob) => ob.asc().nullsFirst())
    .orderBy("key")
    .execute();
  return rows.map((row) =>
    SourceDocument.parse({
      key: row.key,
      title: row.title,
      lang: row.lang,
      year: row.year,
      narrative: JSON.parse(row.narrative),
    }),
  );
}
