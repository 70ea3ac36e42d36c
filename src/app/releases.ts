import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { correctionsByEvent } from "../domain/correctionsByEvent.js";
import { Correction } from "../domain/correction.js";
import type { EventFilterInput } from "../domain/eventQuery.js";
import { Instrument } from "../domain/instrument.js";
import type { Language } from "../domain/localizedText.js";
import { Obligation } from "../domain/obligation.js";
import { MANIFEST_FILE, ReleaseFileName, ReleaseManifest, ReleaseVersion } from "../domain/release.js";
import { buildRelease, RELEASE_FILES, releaseChecksum } from "../export/release/buildRelease.js";
import type { WithBrowser } from "../report/chromium.js";
import type { ReportFormat } from "../report/renderReport.js";
import { SearchService } from "../search/searchService.js";
import { openDatabase } from "../storage/database.js";
import { isPostgres } from "../storage/dialect.js";
import * as repo from "../storage/repos/releaseRepo.js";
import { inTransaction } from "../storage/transaction.js";
import { conflict, invalidRequest, notFound } from "./appError.js";
import type { AppServices } from "./appServices.js";
import type { PresentedRelease } from "./releaseResponses.js";
import { renderPreparedReport, prepareReport, type WrittenReport } from "./reports.js";

/** A version as given, checked: bad input names what a version must look like. */
function checkedVersion(version: string): string {
  const parsed = ReleaseVersion.safeParse(version);
  if (parsed.success) return parsed.data;
  const message = `version "${version}": ${parsed.error.issues[0]?.message ?? "invalid"}`;
  throw invalidRequest(message, [{ parameter: "version", message }]);
}

/** The release's stable URL, from the configured base URL (never a request's Host). */
const releaseUrl = (services: AppServices, version: string) => `${services.baseUrl()}/releases/${version}/`;

/** A stored release as the API and pages show it: its manifest, URLs and manifest.json's own checksum. */
async function present(services: AppServices, stored: repo.StoredRelease): Promise<PresentedRelease> {
  const manifest = ReleaseManifest.parse(JSON.parse(stored.manifest));
  const base = releaseUrl(services, stored.version);
  const own = (await repo.listReleaseFiles(services.db, stored.version)).find(
    (f) => f.name === MANIFEST_FILE,
  );
  if (!own) throw new Error(`release ${stored.version} has no ${MANIFEST_FILE}`);
  return {
    ...manifest,
    url: base,
    files: manifest.files.map((file) => ({ ...file, url: `${base}${file.name}` })),
    manifest: {
      name: own.name,
      mediaType: own.mediaType,
      bytes: own.bytes,
      sha256: own.sha256,
      url: `${base}${own.name}`,
    },
  };
}

/**
 * `aigov release VERSION`: freezes the published data as a release of that version (see buildRelease
 * for what it holds), stored whole in the database in one transaction. A version is released once: a
 * second release of it is refused (conflict) and changes nothing. An operator's action.
 */
export async function createRelease(services: AppServices, version: string): Promise<PresentedRelease> {
  const checked = checkedVersion(version);
  const refused = () =>
    conflict(`release ${checked} exists already; a release is never replaced: choose a new version`);
  if (await repo.releaseExists(services.db, checked)) throw refused();
  const reading = isPostgres(services.db)
    ? services.db.transaction().setIsolationLevel("repeatable read")
    : services.db.transaction();
  // One snapshot for every file: an import running meanwhile is in all of them or in none.
  const built = await reading.execute((source) =>
    buildRelease(source, {
      version: checked,
      createdAt: services.now(),
      url: releaseUrl(services, checked),
      reference: services.obligations,
    }),
  );
  try {
    await inTransaction(services.db, (trx) =>
      repo.insertRelease(
        trx,
        {
          version: checked,
          createdAt: built.manifest.createdAt,
          manifest: `${JSON.stringify(built.manifest)}`,
        },
        built.files,
      ),
    );
  } catch (error) {
    // Another release of the same version may have been made while this one was being built.
    if (error instanceof repo.ReleaseExistsError || (await repo.releaseExists(services.db, checked)))
      throw refused();
    throw error;
  }
  const stored = await repo.findRelease(services.db, checked);
  if (!stored) throw new Error(`release ${checked} was not stored`);
  return present(services, stored);
}

/** Every release, the newest first. */
export async function listReleases(services: AppServices): Promise<PresentedRelease[]> {
  const releases = await repo.listReleases(services.db);
  return Promise.all(releases.map((stored) => present(services, stored)));
}

/** One release, or not-found naming the version. */
export async function releaseByVersion(services: AppServices, version: string): Promise<PresentedRelease> {
  const stored = ReleaseVersion.safeParse(version).success
    ? await repo.findRelease(services.db, version)
    : null;
  if (!stored) throw notFound(`no release "${version}"; see /releases for those there are`);
  return present(services, stored);
}

/** One file of a release with its bytes, or not-found naming what is missing. */
export async function releaseFile(
  services: AppServices,
  version: string,
  name: string,
): Promise<repo.StoredReleaseFile> {
  const file =
    ReleaseVersion.safeParse(version).success && ReleaseFileName.safeParse(name).success
      ? await repo.findReleaseFile(services.db, version, name)
      : null;
  if (!file) {
    const known =
      ReleaseVersion.safeParse(version).success && (await repo.releaseExists(services.db, version));
    throw notFound(known ? `release ${version} has no file "${name}"` : `no release "${version}"`);
  }
  return file;
}

/** One file's check: the SHA-256 the manifest lists, that of the stored bytes, and whether they agree. */
export interface FileCheck {
  name: string;
  expected: string;
  actual: string;
  ok: boolean;
}

/**
 * Recomputes every file's SHA-256 from its stored bytes and compares it with the manifest's (and
 * manifest.json's with the one recorded beside it): what `aigov release verify` reports.
 */
export async function verifyRelease(services: AppServices, version: string): Promise<FileCheck[]> {
  const release = await releaseByVersion(services, version);
  const checks: FileCheck[] = [];
  for (const entry of [...release.files, release.manifest]) {
    const file = await repo.findReleaseFile(services.db, version, entry.name);
    const actual = file ? releaseChecksum(file.content) : "(missing)";
    checks.push({
      name: entry.name,
      expected: entry.sha256,
      actual,
      ok: actual === entry.sha256 && file?.bytes === entry.bytes,
    });
  }
  return checks;
}

const jsonLinesOf = (bytes: Buffer) =>
  bytes
    .toString("utf8")
    .split("\n")
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as unknown);

/**
 * `aigov report --release VERSION`: the report made from a release's own data, not the live archive:
 * its SQLite copy (events, documents, jurisdictions), opened from a temporary file, and its corrections
 * beside the events. Nothing in a Markdown or HTML report depends on the moment it is written, so the
 * same release and options give the same bytes every time.
 */
export async function reportFromRelease(
  services: AppServices,
  version: string,
  query: EventFilterInput & { lang: Language; format: ReportFormat },
  browsers?: WithBrowser,
): Promise<WrittenReport> {
  await releaseByVersion(services, version);
  const sqlite = await releaseFile(services, version, RELEASE_FILES.sqlite);
  const read = async (name: string) => jsonLinesOf((await releaseFile(services, version, name)).content);
  const reference = {
    ...services.obligations,
    instruments: (await read(RELEASE_FILES.instrumentsJsonl)).map((record) => Instrument.parse(record)),
    obligations: (await read(RELEASE_FILES.obligationsJsonl)).map((record) => Obligation.parse(record)),
    corrections: (await read(RELEASE_FILES.correctionsJsonl)).map((record) => Correction.parse(record)),
  };
  const folder = await mkdtemp(join(tmpdir(), "aigov-release-report-"));
  const path = join(folder, `${randomBytes(4).toString("hex")}.sqlite`);
  try {
    await writeFile(path, sqlite.content);
    // Opened as aigov opens any database: a release made by an older aigov is brought to this schema.
    const db = await openDatabase({ kind: "sqlite", path });
    try {
      const released: AppServices = {
        ...services,
        db,
        search: new SearchService(db),
        obligations: reference,
        corrections: correctionsByEvent(reference.corrections),
      };
      const report = await prepareReport(released, query);
      return await renderPreparedReport(report, query, browsers);
    } finally {
      await db.destroy();
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
