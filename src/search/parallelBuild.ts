import { availableParallelism } from "node:os";
import { startWorker } from "../runtime/startWorker.js";
import { RoaringBitmap32 } from "./bitmaps.js";
import {
  type DocumentRecords,
  type Facet,
  FACETS,
  type Field,
  FIELDS,
  type IndexedTerms,
} from "./documentIndexer.js";
import { SearchIndex } from "./searchIndex.js";

/** Batches a worker may have queued: keeps every worker busy without reading the database far ahead. */
const QUEUED_PER_WORKER = 2;

/** Terms as they cross to the main thread: bitmaps in roaring's own serialized form. */
type SerializedGroup = [term: string, bytes: Uint8Array][];
interface SerializedTerms {
  postings: Record<Field, SerializedGroup>;
  facetValues: Record<Facet, SerializedGroup>;
  words: [string, string][];
  longestSpanDays: number;
}

/** A batch of stored events: their JSON end to end in one buffer (moved, not copied), and where each ends. */
export type WorkerRequest =
  { kind: "batch"; firstDoc: number; json: Uint8Array; ends: Uint32Array } | { kind: "finish" };
export type WorkerReply =
  | { kind: "records"; records: DocumentRecords }
  | ({ kind: "terms" } & SerializedTerms)
  | { kind: "failed"; message: string };

export function serializeTerms(terms: IndexedTerms): {
  message: WorkerReply;
  transfer: ArrayBuffer[];
} {
  const transfer: ArrayBuffer[] = [];
  const group = (bitmaps: Map<string, RoaringBitmap32>): SerializedGroup =>
    [...bitmaps].map(([term, bitmap]) => {
      const bytes = bitmap.serialize("croaring") as unknown as Uint8Array;
      transfer.push(bytes.buffer as ArrayBuffer);
      return [term, bytes];
    });
  const message: WorkerReply = {
    kind: "terms",
    postings: Object.fromEntries(FIELDS.map((f) => [f, group(terms.postings[f])])) as Record<
      Field,
      SerializedGroup
    >,
    facetValues: Object.fromEntries(FACETS.map((f) => [f, group(terms.facetValues[f])])) as Record<
      Facet,
      SerializedGroup
    >,
    words: [...terms.words],
    longestSpanDays: terms.longestSpanDays,
  };
  // Buffers of small serializations share one pool: transfer each distinct one once, or none if shared.
  const distinct = [...new Set(transfer)];
  return { message, transfer: distinct.length === transfer.length ? distinct : [] };
}

function deserializeTerms(terms: SerializedTerms): IndexedTerms {
  const group = (entries: SerializedGroup) =>
    new Map(entries.map(([term, bytes]) => [term, RoaringBitmap32.deserialize(bytes, "croaring")]));
  return {
    postings: Object.fromEntries(
      FIELDS.map((f) => [f, group(terms.postings[f])]),
    ) as IndexedTerms["postings"],
    facetValues: Object.fromEntries(
      FACETS.map((f) => [f, group(terms.facetValues[f])]),
    ) as IndexedTerms["facetValues"],
    words: new Map(terms.words),
    longestSpanDays: terms.longestSpanDays,
  };
}

/** Workers a build can use: one per core (the main thread only reads the database and joins). */
export function buildWorkers(): number {
  return Math.min(availableParallelism(), 8);
}

/**
 * Builds an index from stored event bodies (newest first) with several worker threads: the main thread
 * reads and numbers the events and hands out batches; each worker parses and indexes its batches; the
 * workers' bitmaps are joined at the end. Tokenizing is most of the work, and it spreads over cores.
 */
export async function buildInParallel(
  batches: AsyncIterable<Buffer[]>,
  workers: number,
  onProgress?: (indexed: number) => void,
): Promise<SearchIndex> {
  const records: DocumentRecords[] = [];
  let failure: Error | null = null;
  let indexed = 0;
  const pool = Array.from({ length: workers }, () => {
    const worker = startWorker(import.meta.url, "indexWorker");
    const state = {
      worker,
      queued: 0,
      wake: null as (() => void) | null,
      terms: null as IndexedTerms | null,
    };
    const finished = new Promise<void>((resolve, reject) => {
      worker.on("message", (reply: WorkerReply) => {
        if (reply.kind === "records") {
          records.push(reply.records);
          indexed += reply.records.docs.length;
          onProgress?.(indexed);
          state.queued--;
        } else if (reply.kind === "terms") {
          state.terms = deserializeTerms(reply);
          resolve();
        } else {
          failure ??= new Error(`indexing failed: ${reply.message}`);
          reject(failure);
        }
        state.wake?.();
      });
      worker.on("error", (error) => {
        failure ??= error as Error;
        reject(error);
        state.wake?.();
      });
    });
    finished.catch(() => undefined);
    return { state, finished };
  });
  const send = async (firstDoc: number, batch: Buffer[]) => {
    // The worker with the fewest queued batches; wait while every one is full.
    for (;;) {
      if (failure) throw failure;
      const free = pool.map((p) => p.state).sort((a, b) => a.queued - b.queued)[0];
      if (free && free.queued < QUEUED_PER_WORKER) {
        free.queued++;
        // One buffer of its own (concat allocates one this size, outside the shared pool): moved over.
        const json = Buffer.concat(batch);
        const ends = new Uint32Array(batch.length);
        let end = 0;
        batch.forEach((body, i) => (ends[i] = end += body.length));
        free.worker.postMessage({ kind: "batch", firstDoc, json, ends } satisfies WorkerRequest, [
          json.buffer as ArrayBuffer,
          ends.buffer,
        ]);
        return;
      }
      await new Promise<void>((resolve) => {
        for (const p of pool) p.state.wake = resolve;
      });
    }
  };
  try {
    let doc = 0;
    for await (const batch of batches) {
      if (batch.length === 0) continue;
      await send(doc, batch);
      doc += batch.length;
    }
    for (const { state } of pool) state.worker.postMessage({ kind: "finish" } satisfies WorkerRequest);
    await Promise.all(pool.map((p) => p.finished));
    // The workers' heaps go before the parts are joined: the build's peak memory is then one index, not
    // one index and every worker's copy of its part.
    await Promise.all(pool.map((p) => p.state.worker.terminate()));
    return SearchIndex.fromParts(
      records,
      pool.map((p) => p.state.terms as IndexedTerms),
    );
  } finally {
    await Promise.all(pool.map((p) => p.state.worker.terminate()));
  }
}
