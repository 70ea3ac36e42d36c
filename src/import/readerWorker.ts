/**
 * A worker that reads and checks one event file (see readEventsInWorker): it streams the file through
 * the readers and the event schema and posts the checked events in batches, so that parsing runs on
 * one core while the database writes on another.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Event } from "../domain/event.js";
import { ImportError } from "./importError.js";
import { readEvents, type StreamFormat } from "./importFiles.js";
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
  let bytes = 0;
  let batch: Event[] = [];
  const send = async (reply: ReaderReply) => {
    port?.postMessage(reply);
    unacknowledged++;
    while (unacknowledged >= ahead) await new Promise<void>((resolve) => (resume = resolve));
  };
  for await (const { event } of readEvents(path, format, (n) => (bytes += n))) {
    batch.push(event);
    if (batch.length === batchSize) {
      await send({ kind: "batch", events: batch, bytes });
      batch = [];
    }
  }
  port?.postMessage({ kind: "end", events: batch, bytes } satisfies ReaderReply);
}

run().catch((error: unknown) => {
  const reply: ReaderReply =
    error instanceof ImportError
      ? { kind: "failed", file: error.file, line: error.line, problem: error.problem }
      : { kind: "failed", file: path, line: null, problem: (error as Error).message };
  port.postMessage(reply);
});
