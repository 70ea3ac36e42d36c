import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Transaction } from "kysely";
import { correctionsByEvent } from "../../domain/correctionsByEvent.js";
import { Correction } from "../../domain/correction.js";
import { Instrument } from "../../domain/instrument.js";
import { Obligation } from "../../domain/obligation.js";
import { MANIFEST_FILE, ReleaseManifest, type ReleaseFileEntry } from "../../domain/release.js";
import { DATA_LICENCE, readDataLicenceText } from "../../reference/dataLicence.js";
import type { ObligationsData } from "../../reference/obligationsData.js";
import { type Database, openDatabase } from "../../storage/database.js";
import { listDocuments, writeDocument } from "../../storage/repos/documentRepo.js";
import { streamEventsById, writeEvents } from "../../storage/repos/eventRepo.js";
import { listJurisdictions, writeJurisdictions } from "../../storage/repos/jurisdictionRepo.js";
import type { StoredReleaseFile } from "../../storage/repos/releaseRepo.js";
import type { Tables } from "../../storage/schema.js";
import { inFillingTransaction } from "../../storage/transaction.js";
import { csvHeader, csvRows, EXPORT_COLUMNS } from "../eventsCsv.js";
import { withCorrections } from "../eventsJson.js";
import { csvwMetadata, type CsvwTable } from "./csvwMetadata.js";
import { citationBibtex, citationCsl, RELEASE_TITLE } from "./releaseCitation.js";
import { columnsOf, type CsvColumnSpec, type CsvwDatatype, recordsToCsv } from "./recordsCsv.js";

/** The names of a release's files, stable across releases (links and scripts rely on them). */
export const RELEASE_FILES = {
  eventsJsonl: "events.jsonl",
  eventsCsv: "events.csv",
  instrumentsJsonl: "instruments.jsonl",
  instrumentsCsv: "instruments.csv",
  obligationsJsonl: "obligations.jsonl",
  obligationsCsv: "obligations.csv",
  correctionsJsonl: "corrections.jsonl",
  correctionsCsv: "corrections.csv",
  csvw: "csv-metadata.json",
  sqlite: "aigov.sqlite",
  licence: "LICENSE-DATA.md",
  citationCsl: "CITATION.json",
  citationBibtex: "CITATION.bib",
  manifest: MANIFEST_FILE,
} as const;

const MEDIA = {
  jsonl: "application/jsonl; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  csvw: "application/csvm+json",
  json: "application/json; charset=utf-8",
  sqlite: "application/vnd.sqlite3",
  markdown: "text/markdown; charset=utf-8",
  csl: "application/vnd.citationstyles.csl+json",
  bibtex: "application/x-bibtex; charset=utf-8",
};

/** The media types a release's files are served with, without parameters (for the API's document). */
export const RELEASE_MEDIA_TYPES: readonly string[] = [
  ...new Set(Object.values(MEDIA).map((type) => type.split(";")[0] as string)),
];

/** The datatypes of the events CSV's columns (its writer is the export's, src/export/eventsCsv.ts). */
const EVENT_DATATYPES: Partial<Record<string, CsvwDatatype>> = {
  seq: "integer",
  sources: "json",
  effective_dates: "json",
  relations: "json",
  identifiers: "json",
  corrections: "json",
};
const EVENT_REQUIRED = new Set(["id", "date_start", "date_precision"]);
const EVENT_COLUMNS: CsvColumnSpec[] = EXPORT_COLUMNS.map((name) => ({
  name,
  datatype: EVENT_DATATYPES[name] ?? "string",
  required: EVENT_REQUIRED.has(name),
}));

/** What a release is made of besides the database: its version, instant, URL and reference data. */
export interface ReleaseRequest {
  version: string;
  /** When it is made (ISO 8601): recorded in the manifest, the citation's date and the SQLite copy's rows. */
  createdAt: string;
  /** Its stable URL, `${baseUrl}/releases/VERSION/`. */
  url: string;
  reference: Pick<ObligationsData, "instruments" | "obligations" | "corrections">;
}

/** A release made: its manifest and every file (the manifest among them, last), ready to be stored. */
export interface BuiltRelease {
  manifest: ReleaseManifest;
  files: StoredReleaseFile[];
}

const sha256 = (content: Buffer) => createHash("sha256").update(content).digest("hex");

function fileOf(name: string, mediaType: string, content: Buffer | string): StoredReleaseFile {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  return { name, mediaType, bytes: bytes.length, sha256: sha256(bytes), content: bytes };
}

const jsonLines = (records: readonly object[]) =>
  records.map((record) => `${JSON.stringify(record)}\n`).join("");
const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/**
 * Reads the published events, documents and jurisdictions of `source` (one snapshot: call inside a
 * read transaction) and writes them, events in id order, as JSON Lines, CSV (the export's writers, each
 * event with its corrections as the exports show them) and a SQLite database made by aigov's own
 * storage code (schema and all; no accounts, sessions, proposals or audit log). Events are read and
 * written in batches.
 */
async function freezeEvents(
  source: Transaction<Tables>,
  request: ReleaseRequest,
): Promise<{ count: number; jsonl: Buffer; csv: Buffer; sqlite: Buffer }> {
  const corrections = correctionsByEvent(request.reference.corrections);
  const folder = await mkdtemp(join(tmpdir(), "aigov-release-"));
  const path = join(folder, RELEASE_FILES.sqlite);
  const jsonl: Buffer[] = [];
  const csv: Buffer[] = [Buffer.from(csvHeader())];
  let count = 0;
  try {
    const copy: Database = await openDatabase({ kind: "sqlite", path });
    try {
      const origin = `release ${request.version}`;
      await inFillingTransaction(copy, async (target) => {
        await writeJurisdictions(target, await listJurisdictions(source));
        for (const document of await listDocuments(source))
          await writeDocument(target, document, request.createdAt);
        for await (const events of streamEventsById(source)) {
          count += events.length;
          jsonl.push(
            Buffer.from(
              events.map((event) => `${JSON.stringify(withCorrections(event, corrections))}\n`).join(""),
            ),
          );
          csv.push(Buffer.from(csvRows(events, corrections)));
          await writeEvents(target, events, origin, request.createdAt);
        }
      });
    } finally {
      // Closing checkpoints the WAL into the file: what is read next is the whole database.
      await copy.destroy();
    }
    return { count, jsonl: Buffer.concat(jsonl), csv: Buffer.concat(csv), sqlite: await readFile(path) };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * Makes a release of the published data: the events (from `source`, a read transaction) and the
 * reference data, each as JSON Lines and CSV with CSVW metadata, a SQLite copy, the data licence, a
 * citation in CSL-JSON and BibTeX, and the manifest that lists every other file with its size and
 * SHA-256. Everything is sorted and written in a fixed key order, so the same data gives the same bytes
 * in every text file; the creation instant appears in the manifest and the citation's date only (and
 * the SQLite copy's timestamps, a database file being no byte-for-byte artefact).
 */
export async function buildRelease(
  source: Transaction<Tables>,
  request: ReleaseRequest,
): Promise<BuiltRelease> {
  const events = await freezeEvents(source, request);
  const instruments = [...request.reference.instruments].sort(byKey((i) => i.id));
  const obligations = [...request.reference.obligations].sort(byKey((o) => o.id));
  const corrections = [...request.reference.corrections].sort(byKey((c) => `${c.event}\u0000${c.field}`));
  const instrumentColumns = columnsOf(Instrument);
  const obligationColumns = columnsOf(Obligation);
  const correctionColumns = columnsOf(Correction);
  const tables: CsvwTable[] = [
    { file: RELEASE_FILES.eventsCsv, title: "Events", columns: EVENT_COLUMNS, primaryKey: ["id"] },
    {
      file: RELEASE_FILES.instrumentsCsv,
      title: "Instruments",
      columns: instrumentColumns,
      primaryKey: ["id"],
    },
    {
      file: RELEASE_FILES.obligationsCsv,
      title: "Obligations",
      columns: obligationColumns,
      primaryKey: ["id"],
    },
    {
      file: RELEASE_FILES.correctionsCsv,
      title: "Corrections",
      columns: correctionColumns,
      primaryKey: ["event", "field"],
    },
  ];
  const citation = {
    version: request.version,
    createdAt: request.createdAt,
    url: request.url,
    licence: DATA_LICENCE,
  };
  const files = [
    fileOf(RELEASE_FILES.eventsJsonl, MEDIA.jsonl, events.jsonl),
    fileOf(RELEASE_FILES.eventsCsv, MEDIA.csv, events.csv),
    fileOf(RELEASE_FILES.instrumentsJsonl, MEDIA.jsonl, jsonLines(instruments)),
    fileOf(RELEASE_FILES.instrumentsCsv, MEDIA.csv, recordsToCsv(instruments, instrumentColumns)),
    fileOf(RELEASE_FILES.obligationsJsonl, MEDIA.jsonl, jsonLines(obligations)),
    fileOf(RELEASE_FILES.obligationsCsv, MEDIA.csv, recordsToCsv(obligations, obligationColumns)),
    fileOf(RELEASE_FILES.correctionsJsonl, MEDIA.jsonl, jsonLines(corrections)),
    fileOf(RELEASE_FILES.correctionsCsv, MEDIA.csv, recordsToCsv(corrections, correctionColumns)),
    fileOf(
      RELEASE_FILES.csvw,
      MEDIA.csvw,
      csvwMetadata({
        title: `${RELEASE_TITLE}, release ${request.version}`,
        licenceUrl: DATA_LICENCE.url,
        tables,
      }),
    ),
    fileOf(RELEASE_FILES.sqlite, MEDIA.sqlite, events.sqlite),
    fileOf(RELEASE_FILES.licence, MEDIA.markdown, readDataLicenceText()),
    fileOf(RELEASE_FILES.citationCsl, MEDIA.csl, citationCsl(citation)),
    fileOf(RELEASE_FILES.citationBibtex, MEDIA.bibtex, citationBibtex(citation)),
  ];
  const manifest = ReleaseManifest.parse({
    version: request.version,
    createdAt: request.createdAt,
    licence: DATA_LICENCE,
    counts: {
      events: events.count,
      instruments: instruments.length,
      obligations: obligations.length,
      corrections: corrections.length,
    },
    files: files.map(({ name, mediaType, bytes, sha256: hash }): ReleaseFileEntry => ({
      name,
      mediaType,
      bytes,
      sha256: hash,
    })),
  });
  const manifestFile = fileOf(RELEASE_FILES.manifest, MEDIA.json, `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, files: [...files, manifestFile] };
}

/** The SHA-256 of bytes as the manifest writes it. */
export const releaseChecksum = sha256;
