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
 */
export function streamedResponse(chunks: AsyncIterator<string>, headers: Record<string, string>): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      // Enqueue something (or close) before returning: a pull that adds nothing is not called again.
      for (;;) {
        const next = await chunks.next();
        if (next.done) return controller.close();
        if (next.value) return controller.enqueue(encoder.encode(next.value));
      }
    },
    async cancel() {
      // The client went away: stop reading pages (the generator's finally frees what it holds).
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
