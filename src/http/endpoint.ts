import type { Context, MiddlewareHandler } from "hono";
import { z } from "zod";
import type { AppServices } from "../app/appServices.js";
import type { WithBrowser } from "../report/chromium.js";
import { ProblemDocument } from "./problem.js";

// An endpoint of the API is declared once, as data: its method, path, parameters, body and answers (each
// a zod schema) beside its handler. registerEndpoints (registerEndpoints.ts) mounts the declarations on
// Hono, validating the query with the declared schema; buildOpenApiDocument (openapi.ts) writes the
// document from the same declarations. A route and its documentation cannot drift apart.

/** What handlers are given besides their request: the use cases' services and the API's own wiring. */
export interface ApiDependencies {
  services: AppServices;
  /** Who lends the report its browsers for PDF and DOCX (the process's shared pool; tests give their own). */
  browsers: WithBrowser;
  /** The OpenAPI document of these endpoints, serialized once. */
  openApiJson: string;
}

/** One documented answer: what it means and, per media type, the schema of its body. */
export interface Answer {
  description: string;
  content?: Readonly<Record<string, z.ZodType>>;
}

/** A request as a handler sees it: its query and path parameters parsed by the declared schemas. */
export interface EndpointRequest<Q extends z.ZodObject, P extends z.ZodObject> {
  c: Context;
  query: z.output<Q>;
  params: z.output<P>;
  deps: ApiDependencies;
}

/** The declaration of one endpoint. */
export interface Endpoint<Q extends z.ZodObject = z.ZodObject, P extends z.ZodObject = z.ZodObject> {
  method: "get" | "post" | "delete";
  /** The OpenAPI path template (`/api/events/{id}`); Hono's `:id` form is derived from it. */
  path: string;
  summary: string;
  description?: string;
  /** The query parameters (read by parseSearchParams: unknown ones and repeated single ones are refused). */
  query?: Q;
  /** A description of a query parameter where the API's shared one (openapi.ts) does not fit here. */
  parameterDescriptions?: Readonly<Record<string, string>>;
  /** The path parameters, by the names the path template gives them. */
  params?: P;
  /**
   * The request body by media type; the handler reads it (the check needs the reference data to).
   * `required: false` for a body that may be left out (a publication's optional note).
   */
  body?: { content: Readonly<Record<string, z.ZodType>>; required?: boolean };
  /**
   * How the caller proves who they are: "bearer" for the endpoints that need an API token (every write,
   * the audit log, who am I). The document lists them under the bearerAuth scheme.
   */
  security?: "bearer";
  /** Every answer but the 400 that refuses unexpected parameters, which every endpoint may give. */
  responses: Readonly<Record<number, Answer>>;
  /** Middleware run after the parameters are read and before the handler (a body limit). */
  middleware?: readonly MiddlewareHandler[];
  handler(request: EndpointRequest<Q, P>): Response | Promise<Response>;
}

/**
 * Declares an endpoint: types its handler's query and parameters from its schemas, then forgets them,
 * so that endpoints of different queries fit one table.
 */
export function defineEndpoint<Q extends z.ZodObject = z.ZodObject, P extends z.ZodObject = z.ZodObject>(
  endpoint: Endpoint<Q, P>,
): Endpoint {
  return endpoint as unknown as Endpoint;
}

/** A JSON answer with its schema, and the one way to send it: the value is typed by the schema. */
export function jsonAnswer<S extends z.ZodType>(description: string, schema: S, type = "application/json") {
  return {
    description,
    content: { [type]: schema },
    send: (
      c: Context,
      value: z.output<S>,
      headers: Record<string, string> = {},
      status: 200 | 201 = 200,
    ): Response => c.json(value as object, status, headers),
  };
}

/** An answer whose body is text (or bytes) of one of the media types given. */
export function textAnswer(description: string, ...types: string[]): Answer {
  return { description, content: Object.fromEntries(types.map((type) => [type, Text])) };
}

/** An error answer: an RFC 9457 problem document. */
export function problemAnswer(description: string): Answer {
  return { description, content: { "application/problem+json": ProblemDocument } };
}

/** The body of a non-JSON answer: one string for every such answer, so the document states it once. */
const Text = z.string();
