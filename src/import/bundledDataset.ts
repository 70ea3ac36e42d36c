import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { SourceDocument } from "../domain/document.js";
import { Event } from "../domain/event.js";
import { Jurisdiction } from "../domain/jurisdiction.js";
import { DATA_DIR } from "../reference/dataDir.js";
import type { Database } from "../storage/database.js";
import { writeDocument } from "../storage/repos/documentRepo.js";
import { countEvents, lockForWriting, writeEvents } from "../storage/repos/eventRepo.js";
import { writeJurisdictions } from "../storage/repos/jurisdictionRepo.js";
import { inTransaction } from "../storage/transaction.js";

export { DATA_DIR } from "../reference/dataDir.js";

export interface BundledDataset {
  events: Event[];
  documents: SourceDocument[];
  jurisdictions: Jurisdiction[];
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, "utf8"));
const jsonFiles = (folder: string) =>
  readdirSync(join(DATA_DIR, folder))
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => join(DATA_DIR, folder, name));

/** Reads and validates the bundled dataset: data/events/*.json, data/documents/*.json, data/jurisdictions.json. */
export function readBundledDataset(): BundledDataset {
  return {
    events: jsonFiles("events").flatMap((file) => z.array(Event).parse(readJson(file))),
    documents: jsonFiles("documents").map((file) => SourceDocument.parse(readJson(file))),
    jurisdictions: z.array(Jurisdiction).parse(readJson(join(DATA_DIR, "jurisdictions.json"))),
  };
}

/** Loads the bundled dataset into a database that has no events yet (what `serve` does on first start). */
export async function loadBundledDatasetIfEmpty(db: Database): Promise<number> {
  if ((await countEvents(db)) > 0) return 0;
  const dataset = readBundledDataset();
  const now = new Date().toISOString();
  return inTransaction(db, async (trx) => {
    await lockForWriting(trx);
    // Another server starting on the same database may have loaded it while this one waited.
    if ((await countEvents(trx)) > 0) return 0;
    await writeJurisdictions(trx, dataset.jurisdictions);
    for (const document of dataset.documents) await writeDocument(trx, document, now);
    // Parsed by the Event schema in readBundledDataset: ready for writeEvents as they are.
    await writeEvents(trx, dataset.events, "bundled dataset", now);
    return dataset.events.length;
  });
}
