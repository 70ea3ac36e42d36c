import type { DatabaseLocation } from "../config.js";
import { startChildProcess } from "../runtime/startChildProcess.js";
import type { Database } from "../storage/database.js";
import { streamEventJsonNewestFirst, streamEventsNewestFirst } from "../storage/repos/eventRepo.js";
import { buildInParallel, buildWorkers } from "./parallelBuild.js";
import { SearchIndex } from "./searchIndex.js";

/** Events from which an index is built by worker threads, one per core. */
const PARALLEL_THRESHOLD = 20_000;

/** Builds an index of every event of a database, in this process (by worker threads if it is large). */
export async function buildIndex(
  db: Database,
  events: number,
  onProgress?: (indexed: number) => void,
): Promise<SearchIndex> {
  const workers = buildWorkers();
  // Worker threads cost a moment to start: worth it for a large archive only.
  return events >= PARALLEL_THRESHOLD && workers > 1
    ? await buildInParallel(streamEventJsonNewestFirst(db), workers, onProgress)
    : await SearchIndex.fromStream(streamEventsNewestFirst(db), onProgress);
}

/** What the parent tells a build process: where the database is (never in argv: a URL holds a password). */
export interface SnapshotBuildRequest {
  location: DatabaseLocation;
  snapshotPath: string;
}

/** What a build process reports: progress, then that the snapshot is written, or why not. */
export type SnapshotBuildReply =
  { kind: "progress"; indexed: number } | { kind: "written" } | { kind: "failed"; message: string };

/**
 * Builds the index of a database in a process of its own, which saves it as a snapshot at
 * `snapshotPath` (stamped with the change-log entry it is as of) and ends. A build's memory is several
 * times the index's (every worker's part, the joining, the pages of the whole database read): in the
 * server's own process most of it stayed resident once the build was over (3.6 GB after a build at a
 * million events, beside 1.2 GB loading the same index from its snapshot). In a process that ends, all
 * of it is given back; the caller then loads the snapshot as at any other start.
 */
export function buildSnapshotApart(
  request: SnapshotBuildRequest,
  onProgress?: (indexed: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = startChildProcess(import.meta.url, "snapshotBuildProcess");
    let failure: string | null = null;
    let written = false;
    child.on("message", (reply: SnapshotBuildReply) => {
      if (reply.kind === "progress") onProgress?.(reply.indexed);
      else if (reply.kind === "written") written = true;
      else failure = reply.message;
    });
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (written) resolve();
      else
        reject(
          new Error(
            failure ?? `the index build process ended (${signal ?? `exit code ${code}`}) without a snapshot`,
          ),
        );
    });
    child.send(request satisfies SnapshotBuildRequest);
  });
}
