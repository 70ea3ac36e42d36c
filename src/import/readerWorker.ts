/**
 * A worker that reads and checks one event file (see readEventsInWorker): it streams the file through
 * the readers and the event schema and posts the checked events in batches, so that parsing runs on
 * one core while the database writes on another.
 */
import { parentPort, workerData } from "node:worker_threads";
import { ImportError } from "./importError.js";
import { readEventBatches, type StreamFormat } from "./readImportFiles.js";
import type { ReaderReply, ReaderRequest } from "./readEventsInWorker.js";

const port = parentPort;
if (!port) throw new Error("readerWorker.ts runs as a worker thread");
const { path, format, batchSize, ahead } = workerData as {
  path: string;
  format: StreamFormat;
  batchSize: number;
  ahead: number;
};

/** Batches sent but not yet taken by the writer: reading waits while `ahead` are waiting. */
let unacknowledged = 0;
let resume: (() => void) | null = null;
port.on("message", (request: ReaderRequest) => {
  if (request.kind === "taken") {
    unacknowledged--;
    resume?.();
  }
});

async function run(): Promise<void> {
  let read = 0;
  for await (const { events, bytes } of readEventBatches(path, format, batchSize)) {
    read = bytes;
    if (events.length === 0) break;
    port?.postMessage({ kind: "batch", events, bytes } satisfies ReaderReply);
    unacknowledged++;
    while (unacknowledged >= ahead) await new Promise<void>((resolve) => (resume = resolve));
  }
  port?.postMessage({ kind: "end", events: [], bytes: read } satisfies ReaderReply);
}

run().catch((error: unknown) => {
  const reply: ReaderReply =
    error instanceof ImportError
      ? { kind: "failed", file: error.file, line: error.line, problem: error.problem }
      : { kind: "failed", file: path, line: null, problem: (error as Error).message };
  port.postMessage(reply);
});
