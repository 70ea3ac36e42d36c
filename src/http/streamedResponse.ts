import { setImmediate as turnOfTheLoop } from "node:timers/promises";

/**
 * Answers whose body is written as it is produced (exports of every matching event). They are never
 * buffered: the read cache and the compression middleware recognise them here and let them through,
 * compressing on the fly instead of holding the whole body.
 */
// Kept by body, not by Response: Hono re-wraps a handler's Response (new Response(body, res)) to merge
// headers, and the body stream is what survives that.
const streamed = new WeakSet<ReadableStream>();

/**
 * A response that pulls its body from `chunks` one at a time, only as fast as the client reads
 * (a ReadableStream's pull is back-pressure: the next page of events is read from storage when the
 * previous one has been taken), so memory stays bounded by one page whatever the export's size.
 * Each chunk waits a turn of the event loop first, so that other requests are served between the
 * pages; `onClose` is called once when the body ends, fails or is cancelled (to free an export slot).
 */
export function streamedResponse(
  chunks: AsyncIterator<string>,
  headers: Record<string, string>,
  onClose: () => void = () => {},
): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        // Enqueue something (or close) before returning: a pull that adds nothing is not called again.
        for (;;) {
          // Reading a page from SQLite is synchronous, and a fast client's socket always takes it:
          // without this the pages chain through microtasks and no other socket is read until the
          // export ends (issue 24: one export of 60,000 events held every other request for 2.3 s).
          await turnOfTheLoop();
          const next = await chunks.next();
          if (next.done) {
            onClose();
            return controller.close();
          }
          if (next.value) return controller.enqueue(encoder.encode(next.value));
        }
      } catch (error) {
        onClose();
        throw error;
      }
    },
    async cancel() {
      // The client went away: stop reading pages (the generator's finally frees what it holds).
      onClose();
      await chunks.return?.(undefined);
    },
  });
  return markStreamed(new Response(body, { status: 200, headers }));
}

/** Marks a response (a streamed one, re-wrapped by a middleware) as streaming its body. */
export function markStreamed(response: Response): Response {
  if (response.body) streamed.add(response.body);
  return response;
}

/** Whether a response streams its body (see streamedResponse). */
export function isStreamed(response: Response): boolean {
  return response.body !== null && streamed.has(response.body);
}
