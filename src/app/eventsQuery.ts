import { z } from "zod";
import { AsOf } from "../domain/asOf.js";
import { EventFilterInput } from "../domain/eventQuery.js";
import { Language } from "../domain/localizedText.js";
import { invalidRequest } from "./appError.js";
import { type AcceptedParameters, refuseUnexpectedParameters } from "./queryParameters.js";

export const MAX_LIMIT = 500;
export const MAX_QUERY_LENGTH = 200;
export const SORTS = ["relevance", "date", "-date"] as const;

/** The query parameters of GET /api/events (and of the exports, which take the same filters). */
export const EventsQuery = EventFilterInput.extend({
  q: z.string().max(MAX_QUERY_LENGTH, `expected at most ${MAX_QUERY_LENGTH} characters`).optional(),
  sort: z.enum(SORTS).optional(),
  limit: z.coerce
    .number({ message: "expected a whole number" })
    .int("expected a whole number")
    .min(1, "expected at least 1")
    .max(MAX_LIMIT, `expected at most ${MAX_LIMIT}`)
    .default(50),
  cursor: z.string().max(200).optional(),
  lang: Language.default("zh"),
  /** The archive as published at this moment (search, filters and facets included). */
  asOf: AsOf.optional(),
}).strict();
export type EventsQuery = z.output<typeof EventsQuery>;

const LIST_PARAMS = new Set(["jurisdiction", "type", "level", "bindingness", "tag"]);

/** The parameters a query schema accepts: its keys, the list-valued filters as lists. */
export function parametersOf(schema: z.ZodObject): AcceptedParameters {
  return Object.fromEntries(
    Object.keys(schema.shape).map((key) => [key, LIST_PARAMS.has(key) ? "list" : "once"] as const),
  );
}

/**
 * Reads URL search parameters against a schema: list parameters may repeat or be comma-separated;
 * anything else given twice, unknown, or out of range is a 400 problem naming the parameter.
 */
export function parseSearchParams<T extends z.ZodObject>(schema: T, params: URLSearchParams): z.output<T> {
  refuseUnexpectedParameters(params, parametersOf(schema));
  const raw: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    raw[key] = LIST_PARAMS.has(key)
      ? values
          .flatMap((value) => value.split(","))
          .map((value) => value.trim())
          .filter(Boolean)
          .map((value) => (key === "jurisdiction" ? value.toUpperCase() : value))
      : values[0];
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const errors = result.error.issues.map((issue) => ({
      parameter: String(issue.path[0] ?? ""),
      message: issue.message,
    }));
    throw invalidRequest(errors.map((e) => `${e.parameter}: ${e.message}`).join("; "), errors);
  }
  return result.data;
}

/** Pagination cursors are opaque to clients: an encoded offset. */
export function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString("base64url");
}

export function decodeCursor(cursor: string): number {
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { o?: unknown };
    if (typeof value.o === "number" && Number.isInteger(value.o) && value.o >= 0) return value.o;
  } catch {
    // fall through to the problem below
  }
  throw invalidRequest("cursor: expected a cursor taken from a previous response's `next`", [
    { parameter: "cursor", message: "not a cursor this API issued" },
  ]);
}
