import type { Event } from "../domain/event.js";
import { startWorker } from "../runtime/startWorker.js";
import { ImportError } from "./importError.js";
import type { StreamFormat } from "./readImportFiles.js";

export type ReaderRequest = { kind: "taken" };
export type ReaderReply =
  | { kind: "batch" | "end"; events: Event[]; bytes: number }
  | { kind: "failed"; file: string; line: number | null; problem: string };

/** Batches the reader may run ahead of the writer: enough to keep both busy, few enough to bound memory. */
const AHEAD = 4;

/**
 * The checked events of a file in batches, read and checked by a worker thread while the caller
 * writes the previous batch: an import of a large file uses two cores. Errors are the reader's own
 * ImportErrors (file:line and the record), rethrown here.
 */
export async function* readEventsInWorker(
  path: string,
  format: StreamFormat,
  batchSize: number,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<Event[]> {
  // Started with its arguments as workerData: the worker begins reading at once.
  const worker = startWorker(import.meta.url, "readerWorker", {
    workerData: { path, format, batchSize, ahead: AHEAD },
  });
  const replies: ReaderReply[] = [];
  let wake: (() => void) | null = null;
  let crashed: Error | null = null;
  worker.on("message", (reply: ReaderReply) => {
    replies.push(reply);
    wake?.();
  });
  worker.on("error", (error) => {
    crashed = error as Error;
    wake?.();
  });
  try {
    for (;;) {
      const reply = replies.shift();
      if (!reply) {
        if (crashed) throw crashed;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (reply.kind === "failed") throw new ImportError(reply.file, reply.line, reply.problem);
      onBytes?.(reply.bytes);
      if (reply.kind === "batch") worker.postMessage({ kind: "taken" } satisfies ReaderRequest);
      yield reply.events;
      if (reply.kind === "end") return;
    }
  } finally {
    await worker.terminate();
  }
}
