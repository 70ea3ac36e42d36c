import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { type Database, openDatabase } from "../src/storage/database.js";
import { Event } from "../src/domain/event.js";
import { WRITE_BATCH, writeEvents } from "../src/storage/repos/eventRepo.js";
import { generateEvents } from "./syntheticEvents.js";

const RESULTS = new URL("./results/", import.meta.url).pathname;

/**
 * A SQLite database holding `size` synthetic events, built once and kept in bench/results/ (ignored
 * by git) so that later runs start at once. Progress goes to stderr.
 */
export async function benchDatabase(size: number): Promise<{ db: Database; path: string }> {
  mkdirSync(RESULTS, { recursive: true });
  const path = `${RESULTS}events-${size}.db`;
  if (!existsSync(path)) {
    const building = `${path}.building`;
    rmSync(building, { force: true });
    const db = await openDatabase({ kind: "sqlite", path: building });
    const now = new Date().toISOString();
    const batch = 10_000;
    let written = 0;
    const events = generateEvents(size);
    while (written < size) {
      await db.transaction().execute(async (trx) => {
        const chunk: Event[] = [];
        for (let i = 0; i < batch && written < size; i++, written++) {
          const next = events.next();
          if (next.done) break;
          chunk.push(Event.parse(next.value));
          if (chunk.length === WRITE_BATCH) await writeEvents(trx, chunk.splice(0), "benchmark", now);
        }
        await writeEvents(trx, chunk, "benchmark", now);
      });
      process.stderr.write(`\r  building ${size} events: ${written}`);
    }
    process.stderr.write("\n");
    await db.destroy();
    renameSync(building, path);
  }
  return { db: await openDatabase({ kind: "sqlite", path }), path };
}
