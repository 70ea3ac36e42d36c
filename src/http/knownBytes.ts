/**
 * Answers whose body is a buffer the app made itself, kept with it so that the middleware (the read
 * cache, compression) takes the bytes as they are. Reading them back from the Response instead makes
 * @hono/node-server build a full web Response and pull its body through a stream, which costs more
 * than making the answer did.
 */
const bytesOf = new WeakMap<Response, Uint8Array>();

/** Records that this response's body is these bytes. */
export function withKnownBytes(response: Response, bytes: Uint8Array): Response {
  bytesOf.set(response, bytes);
  return response;
}

/** The body of a response made by withKnownBytes, without reading it; undefined for any other. */
export function knownBytes(response: Response): Uint8Array | undefined {
  return bytesOf.get(response);
}
