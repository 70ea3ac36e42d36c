/**
 * A process of its own that builds the search index of a database and saves its snapshot (see
 * buildSnapshotApart in indexBuild.ts): it is sent where the database and the snapshot are, reports
 * its progress, and ends, giving back all the memory the build took.
 */
import { openDatabase } from "../storage/database.js";
import { countEvents, readChangeSeq } from "../storage/repos/eventRepo.js";
import { readDatabaseId } from "../storage/repos/metadataRepo.js";
import { buildIndex, type SnapshotBuildReply, type SnapshotBuildRequest } from "./indexBuild.js";
import { writeSnapshot } from "./indexSnapshot.js";

const reply = (message: SnapshotBuildReply) =>
  new Promise<void>((resolve) => process.send?.(message, () => resolve()) ?? resolve());

if (!process.send) throw new Error("snapshotBuildProcess.ts runs as a child process (see indexBuild.ts)");
process.once("message", (request: SnapshotBuildRequest) => {
  void build(request).then(
    () => process.exit(0),
    async (error: Error) => {
      await reply({ kind: "failed", message: error.message });
      process.exit(1);
    },
  );
});
// The parent gone (killed, crashed), the build has no one to give it to.
process.once("disconnect", () => process.exit(1));

async function build({ location, snapshotPath }: SnapshotBuildRequest): Promise<void> {
  const db = await openDatabase(location, { create: false });
  try {
    // The change log is read before the events, so that a change made during the build is applied
    // again by whoever loads the snapshot, never missed.
    const seq = await readChangeSeq(db);
    const databaseId = await readDatabaseId(db);
    let last = 0;
    const index = await buildIndex(db, await countEvents(db), (indexed) => {
      // A message per batch would be thousands: one per 1% of a million is plenty for a progress line.
      if (indexed - last < 10_000) return;
      last = indexed;
      void reply({ kind: "progress", indexed });
    });
    await writeSnapshot(snapshotPath, index, { databaseId, seq });
  } finally {
    await db.destroy();
  }
  await reply({ kind: "written" });
}
