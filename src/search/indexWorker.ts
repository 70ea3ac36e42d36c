/**
 * A worker of a parallel index build (see parallelBuild.ts): it indexes the batches of events it is
 * sent, under the document numbers they come with, hands back each batch's document records at once,
 * and its postings, serialized, when told to finish.
 */
import { parentPort } from "node:worker_threads";
import type { Event } from "../domain/event.js";
import { DocumentIndexer } from "./documentIndexer.js";
import type { WorkerReply, WorkerRequest } from "./parallelBuild.js";
import { serializeTerms } from "./parallelBuild.js";

const port = parentPort;
if (!port) throw new Error("indexWorker.ts runs as a worker thread");
const indexer = new DocumentIndexer();
port.on("message", (request: WorkerRequest) => {
  try {
    if (request.kind === "batch") {
      const json = Buffer.from(request.json.buffer, request.json.byteOffset, request.json.byteLength);
      let start = 0;
      // Bodies were checked by the Event schema when written (see eventRepo): parsing is all they need.
      request.ends.forEach((end, i) => {
        indexer.add(JSON.parse(json.toString("utf8", start, end)) as Event, request.firstDoc + i);
        start = end;
      });
      port.postMessage({ kind: "records", records: indexer.takeRecords() } satisfies WorkerReply);
    } else {
      const { message, transfer } = serializeTerms(indexer.finish());
      port.postMessage(message satisfies WorkerReply, transfer);
    }
  } catch (error) {
    port.postMessage({ kind: "failed", message: (error as Error).message } satisfies WorkerReply);
  }
});
