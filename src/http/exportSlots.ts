import type { Context } from "hono";
import { HttpProblem } from "./problem.js";

/** How many exports may stream at once: an export holds a connection and CPU for seconds. */
export interface ExportLimits {
  /** Exports streaming at once on this server; more are answered 503. */
  maxExports: number;
  /** Exports streaming at once to one client address; more are answered 429. */
  maxExportsPerClient: number;
}

/** What a refused export is told to wait before asking again: about the time one export takes. */
export const EXPORT_RETRY_AFTER_SECONDS = 10;

/** A slot held by one export while its body streams; released once, however the stream ends. */
export interface ExportSlot {
  release(): void;
}

/**
 * Counts the exports streaming on one server, in all and per client address, so that a few clients
 * cannot take every connection and every turn of the event loop (issue 24). Behind a reverse proxy
 * every client has the proxy's address: the per-client bound is then one more server-wide bound.
 */
export class ExportSlots {
  #open = 0;
  readonly #byClient = new Map<string, number>();

  constructor(readonly limits: ExportLimits) {}

  /** Exports streaming now (for tests and the bench). */
  get open(): number {
    return this.#open;
  }

  /** Takes a slot for `client`, or says why not: 503 when the server is full, 429 when the client is. */
  take(client: string): ExportSlot | HttpProblem {
    const mine = this.#byClient.get(client) ?? 0;
    if (this.#open >= this.limits.maxExports)
      return new HttpProblem(
        503,
        `the server is streaming its ${this.limits.maxExports} exports at once; try again shortly`,
      );
    if (mine >= this.limits.maxExportsPerClient)
      return new HttpProblem(
        429,
        `this client already has ${this.limits.maxExportsPerClient} exports streaming; let one finish first`,
      );
    this.#open++;
    this.#byClient.set(client, mine + 1);
    let held = true;
    return {
      release: () => {
        if (!held) return;
        held = false;
        this.#open--;
        const left = (this.#byClient.get(client) ?? 1) - 1;
        if (left > 0) this.#byClient.set(client, left);
        else this.#byClient.delete(client);
      },
    };
  }
}

/** The bindings the Node front (server.ts) hands every request: the server's export slots. */
export interface ExportBindings {
  exportSlots?: ExportSlots;
}

/** The client's address as the socket sees it (the Node front's `incoming`), or "unknown". */
function clientAddressOf(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? "unknown";
}

/** The answer to a refused export: the problem document, with Retry-After (the app's error handler adds no header). */
function refusedExport(c: Context, problem: HttpProblem): Response {
  const path = new URL(c.req.url).pathname;
  return c.json(problem.toDocument(path), problem.status as 429 | 503, {
    "content-type": "application/problem+json",
    "retry-after": String(EXPORT_RETRY_AFTER_SECONDS),
    "cache-control": "no-store",
  });
}

/**
 * Takes one of the slots of the server this request came through (server.ts hands them to every
 * request), or answers 503/429 when there is none left. Called without a server (tests through
 * app.request) there is nothing to bound. Besides the stream's own end, the slot is freed when the
 * Node response closes, so no way out of a request (HEAD, an error before the body) can keep it.
 */
export function takeExportSlot(c: Context): ExportSlot | Response {
  const env = c.env as
    (ExportBindings & { outgoing?: { once(event: "close", fn: () => void): void } }) | undefined;
  const slots = env?.exportSlots;
  if (!slots) return { release: () => {} };
  const slot = slots.take(clientAddressOf(c));
  if (slot instanceof HttpProblem) return refusedExport(c, slot);
  env.outgoing?.once("close", slot.release);
  return slot;
}
