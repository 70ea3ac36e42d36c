import type { Kysely } from "kysely";
import { Jurisdiction } from "../../domain/jurisdiction.js";
import type { Tables } from "../schema.js";

type Db = Kysely<Tables>;

/** Adds or renames jurisdictions (the gazetteer of codes and their zh/en names). */
export async function writeJurisdictions(db: Db, jurisdictions: Jurisdiction[]): Promise<void> {
  for (const j of jurisdictions) {
    const row = { kind: j.kind, name_zh: j.name.zh ?? null, name_en: j.name.en ?? null, parent: j.parent };
    await db
      .insertInto("jurisdictions")
      .values({ code: j.code, ...row })
      .onConflict((conflict) => conflict.column("code").doUpdateSet(row))
      .execute();
  }
}

/** Every known jurisdiction, by code. */
export async function listJurisdictions(db: Db): Promise<Jurisdiction[]> {
  const rows = await db.selectFrom("jurisdictions").selectAll().orderBy("code").execute();
  return rows.map((row) =>
    Jurisdiction.parse({
      code: row.code,
      kind: row.kind,
      name: { ...(row.name_zh ? { zh: row.name_zh } : {}), ...(row.name_en ? { en: row.name_en } : {}) },
      parent: row.parent,
    }),
  );
}
