import type { Kysely } from "kysely";
import type { Tables } from "../schema.js";

// Releases and their files: written once, in one transaction, and read by version and name.

type Db = Kysely<Tables>;

/** A file of a release with its bytes, as it is stored and served. */
export interface StoredReleaseFile {
  name: string;
  mediaType: string;
  bytes: number;
  sha256: string;
  content: Buffer;
}

/** A release as listed: its version, when it was made, and its manifest's JSON as served. */
export interface StoredRelease {
  version: string;
  createdAt: string;
  manifest: string;
}

/** A version that is released already: a release is never replaced. */
export class ReleaseExistsError extends Error {
  override name = "ReleaseExistsError";
}

/**
 * Stores a release and all its files. Call inside a transaction: a release is there whole or not at
 * all. The version must be new; one that exists already is refused (ReleaseExistsError), nothing written.
 */
export async function insertRelease(
  db: Db,
  release: StoredRelease,
  files: readonly StoredReleaseFile[],
): Promise<void> {
  if (await releaseExists(db, release.version))
    throw new ReleaseExistsError(`release ${release.version} exists already`);
  await db
    .insertInto("releases")
    .values({ version: release.version, created_at: release.createdAt, manifest: release.manifest })
    .execute();
  // One file per statement: a release's SQLite copy alone may be many megabytes.
  for (const file of files)
    await db
      .insertInto("release_files")
      .values({
        version: release.version,
        name: file.name,
        media_type: file.mediaType,
        bytes: file.bytes,
        sha256: file.sha256,
        content: file.content,
      })
      .execute();
}

/** Whether a version is released. */
export async function releaseExists(db: Db, version: string): Promise<boolean> {
  const row = await db
    .selectFrom("releases")
    .select("version")
    .where("version", "=", version)
    .executeTakeFirst();
  return row !== undefined;
}

/** Every release, the newest first (then by version, for two made in the same instant). */
export async function listReleases(db: Db): Promise<StoredRelease[]> {
  const rows = await db
    .selectFrom("releases")
    .selectAll()
    .orderBy("created_at", "desc")
    .orderBy("version", "desc")
    .execute();
  return rows.map((row) => ({ version: row.version, createdAt: row.created_at, manifest: row.manifest }));
}

/** One release, or null. */
export async function findRelease(db: Db, version: string): Promise<StoredRelease | null> {
  const row = await db.selectFrom("releases").selectAll().where("version", "=", version).executeTakeFirst();
  return row ? { version: row.version, createdAt: row.created_at, manifest: row.manifest } : null;
}

/** One file of a release with its bytes, or null. */
export async function findReleaseFile(
  db: Db,
  version: string,
  name: string,
): Promise<StoredReleaseFile | null> {
  const row = await db
    .selectFrom("release_files")
    .select(["name", "media_type", "bytes", "sha256", "content"])
    .where("version", "=", version)
    .where("name", "=", name)
    .executeTakeFirst();
  return row
    ? {
        name: row.name,
        mediaType: row.media_type,
        bytes: Number(row.bytes),
        sha256: row.sha256,
        content: Buffer.from(row.content),
      }
    : null;
}

/** The files of a release without their bytes (name, media type, size and SHA-256), by name. */
export async function listReleaseFiles(
  db: Db,
  version: string,
): Promise<Omit<StoredReleaseFile, "content">[]> {
  const rows = await db
    .selectFrom("release_files")
    .select(["name", "media_type", "bytes", "sha256"])
    .where("version", "=", version)
    .orderBy("name")
    .execute();
  return rows.map((row) => ({
    name: row.name,
    mediaType: row.media_type,
    bytes: Number(row.bytes),
    sha256: row.sha256,
  }));
}
