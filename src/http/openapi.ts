import { DeliveryView, SubscriptionView } from "../app/subscriptions.js";
import { PresentedRelease } from "../app/releaseResponses.js";
import { z } from "zod";
import { MAX_LIMIT } from "../app/eventsQuery.js";
import { AuditEntry } from "../app/audit.js";
import { RevisionView } from "../app/history.js";
import { ProposalView } from "../app/proposals.js";
import {
  DatasetStats,
  EventCorrection,
  InstrumentDetail,
  InstrumentSummary,
  JurisdictionCount,
  JurisdictionList,
  JurisdictionProfile,
  PresentedEvent,
} from "../app/responses.js";
import { CheckProfile } from "../domain/checkProfile.js";
import { CheckItem, CheckResult } from "../domain/checkResult.js";
import { CoverageGap, JurisdictionCoverage } from "../domain/coverage.js";
import { Deadline } from "../domain/deadline.js";
import { Instrument } from "../domain/instrument.js";
import { Obligation } from "../domain/obligation.js";
import { API_ENDPOINTS } from "./apiRoutes.js";
import type { Answer, Endpoint } from "./endpoint.js";
import { ProblemDocument } from "./problem.js";
import { EventPageAsOf } from "./routes/eventRoutes.js";

// The OpenAPI 3.1 document is written here from the endpoint table (apiRoutes.ts) and the zod schemas
// its endpoints declare: nothing in it is written by hand but prose (the eslint rule
// aigov/no-handwritten-openapi keeps it so). A test keeps the committed copy (docs/openapi.json) equal.

type JsonSchema = Record<string, unknown>;

const INFO = {
  title: "aigov API",
  version: "0.1.0",
  description:
    "AI-governance events as structured, sourced records. Keys may be added to responses; cursors are opaque. Every read carries an ETag and answers If-None-Match with 304. A query parameter an operation does not list, or a single-valued one given twice, is a 400 problem naming it (list parameters may repeat).",
};

/**
 * The named schemas of the document. A schema named here is written once under components and
 * referred to wherever an answer (or another named schema) holds it; any other is written in place.
 */
const COMPONENTS: Record<string, z.ZodType> = {
  Event: PresentedEvent,
  Correction: EventCorrection,
  CoverageGap,
  JurisdictionCoverage,
  Instrument,
  InstrumentSummary,
  InstrumentDetail,
  JurisdictionList,
  JurisdictionProfile,
  DatasetStats,
  Obligation,
  CheckProfile,
  CheckItem,
  CheckResult,
  Deadline,
  EventPage: EventPageAsOf,
  JurisdictionCount,
  Proposal: ProposalView,
  Revision: RevisionView,
  AuditEntry,
  Release: PresentedRelease,
  Subscription: SubscriptionView,
  Delivery: DeliveryView,
  Problem: ProblemDocument,
};

/** How the endpoints that need an account are called (Endpoint.security names it). */
const SECURITY_SCHEMES = {
  bearerAuth: {
    type: "http",
    scheme: "bearer",
    description:
      "An API token, made by an administrator with `aigov tokens create EMAIL` and shown once. Sent as `Authorization: Bearer TOKEN`; every request looks it up, so a revoked token or a disabled account is refused at once. Reads are public and need none.",
  },
};

/** Request bodies are described as they may be sent (before defaults), answers as they are sent. */
const BODIES = new Set<z.ZodType>([CheckProfile]);

const componentsOf = (io: "input" | "output") =>
  Object.fromEntries(
    Object.entries(COMPONENTS).filter(([, schema]) => BODIES.has(schema) === (io === "input")),
  );

/** The query parameters' meanings, shared by every endpoint that reads a parameter of the name. */
const DESCRIPTIONS: Record<string, string> = {
  q: "Full-text query in Chinese and/or English; every word must match. Results are ranked title > summary > sources.",
  from: "Events that end on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).",
  to: "Events that start on or before this date.",
  jurisdiction:
    "ISO 3166 or body code (CN, US-CA, EU); repeat or comma-separate for any of several. A country also finds its subdivisions.",
  type: "Instrument type; any of several.",
  level: "international, regional, national or subnational; any of several.",
  bindingness: "binding, voluntary, draft or none; any of several.",
  tag: "A tag; several tags must all match.",
  sort: "relevance (default with q), date (oldest first, default without q) or -date (newest first).",
  limit: `Page size, 1 to ${MAX_LIMIT}.`,
  cursor: "Opaque cursor from a previous response's `next`.",
  lang: "Language of snippets, feed titles and calendar entries.",
  format: "md (default), html, pdf or docx; pdf and docx are drawn by headless Chromium on the server.",
  asOf: "The answer as aigov published it at this moment (ISO 8601 date-time such as 2026-01-01T00:00:00Z, or a date: its start in UTC): search, filters and facets included.",
  chart:
    "Which chart's data: by-type or by-level (events per month), binding-share (binding events per month of all), jurisdictions (events per jurisdiction).",
};

/** Every endpoint may refuse an unexpected query parameter (registerEndpoints reads every query). */
const PARAMETER_REFUSAL =
  "An unknown query parameter, or one given twice: which, as an RFC 9457 problem document.";

/**
 * The OpenAPI 3.1 document of the HTTP API, generated from the endpoint table and the zod schemas that
 * validate requests and describe answers. A test keeps the committed copy (docs/openapi.json) equal to this.
 */
export function buildOpenApiDocument(endpoints: readonly Endpoint[] = API_ENDPOINTS): JsonSchema {
  const output = new SchemaWriter(componentsOf("output"), "output");
  const input = new SchemaWriter(componentsOf("input"), "input");
  const paths: Record<string, Record<string, JsonSchema>> = {};
  // Schemas are asked for first and written at the end, all at once, so that refs between them resolve.
  const operations = endpoints.map((endpoint) => {
    const operation = operationOf(endpoint, output, input);
    (paths[endpoint.path] ??= {})[endpoint.method] = operation;
    return operation;
  });
  const written = { ...output.write(), ...input.write() };
  for (const operation of operations) {
    output.resolve(operation);
    input.resolve(operation);
  }
  const schemas = Object.fromEntries(Object.keys(COMPONENTS).map((name) => [name, written[name]]));
  return {
    openapi: "3.1.0",
    info: INFO,
    paths,
    components: { schemas, securitySchemes: SECURITY_SCHEMES },
  };
}

function operationOf(endpoint: Endpoint, output: SchemaWriter, input: SchemaWriter): JsonSchema {
  const parameters = [
    ...pathParameters(endpoint.params),
    ...queryParameters(endpoint.query, endpoint.parameterDescriptions ?? {}),
  ];
  const responses: Record<string, JsonSchema> = {};
  for (const [status, answer] of Object.entries(endpoint.responses))
    responses[status] = answerOf(answer as Answer, output);
  responses["400"] ??= answerOf({ description: PARAMETER_REFUSAL, content: problemContent() }, output);
  return {
    summary: endpoint.summary,
    ...(endpoint.description ? { description: endpoint.description } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(endpoint.body
      ? {
          requestBody: {
            required: endpoint.body.required ?? true,
            content: contentOf(endpoint.body.content, input),
          },
        }
      : {}),
    responses,
    ...(endpoint.security === "bearer" ? { security: [{ bearerAuth: [] }] } : {}),
  };
}

function problemContent(): Record<string, z.ZodType> {
  return { "application/problem+json": ProblemDocument };
}

function answerOf(answer: Answer, writer: SchemaWriter): JsonSchema {
  return {
    description: answer.description,
    ...(answer.content ? { content: contentOf(answer.content, writer) } : {}),
  };
}

function contentOf(content: Readonly<Record<string, z.ZodType>>, writer: SchemaWriter): JsonSchema {
  return Object.fromEntries(
    Object.entries(content).map(([type, schema]) => [type, { schema: writer.placeholder(schema) }]),
  );
}

function pathParameters(schema: z.ZodObject | undefined): JsonSchema[] {
  return Object.entries(schema?.shape ?? {}).map(([name, field]) => ({
    name,
    in: "path",
    required: true,
    schema: standalone(field as z.ZodType, "input"),
  }));
}

function queryParameters(schema: z.ZodObject | undefined, described: Readonly<Record<string, string>>) {
  return Object.entries(schema?.shape ?? {}).map(([name, field]) => {
    const fieldSchema = standalone(field as z.ZodType, "input");
    return {
      name,
      in: "query",
      // Required where the schema refuses the parameter's absence (a chart must be named).
      required: !(field as z.ZodType).safeParse(undefined).success,
      description: described[name] ?? DESCRIPTIONS[name],
      schema: fieldSchema,
      // A list may be repeated (and comma-separated: parseSearchParams splits each value).
      ...(fieldSchema.type === "array" ? { style: "form", explode: true } : {}),
    };
  });
}

/** A schema written in place, without refs (parameters are small). */
function standalone(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

const PLACEHOLDER = "x-aigov-schema";

/**
 * Writes the schemas of one direction (answers or bodies) through a zod registry, so that a named schema
 * nested in another becomes a `$ref` to its component. An answer's own schema is first a placeholder,
 * replaced once every schema is written: by a `$ref` when it is named, else by the schema itself.
 */
class SchemaWriter {
  private readonly registry = z.registry<{ id: string }>();
  private readonly named = new Map<z.ZodType, string>();
  private readonly inPlace = new Map<z.ZodType, string>();
  private written: Record<string, JsonSchema> = {};

  constructor(
    components: Record<string, z.ZodType>,
    private readonly io: "input" | "output",
  ) {
    for (const [name, schema] of Object.entries(components)) {
      this.registry.add(schema, { id: name });
      this.named.set(schema, name);
    }
  }

  placeholder(schema: z.ZodType): JsonSchema {
    const name = this.named.get(schema);
    if (name) return { $ref: `#/components/schemas/${name}` };
    let id = this.inPlace.get(schema);
    if (!id) {
      id = `${this.io}-${this.inPlace.size}`;
      this.inPlace.set(schema, id);
      this.registry.add(schema, { id });
    }
    return { [PLACEHOLDER]: id };
  }

  /** Every schema of the registry as JSON Schema: the named ones are returned (the components). */
  write(): Record<string, JsonSchema> {
    const { schemas } = z.toJSONSchema(this.registry, {
      io: this.io,
      unrepresentable: "any",
      uri: (id) => `#/components/schemas/${id}`,
    }) as { schemas: Record<string, JsonSchema> };
    for (const schema of Object.values(schemas)) {
      delete schema.$schema;
      delete schema.$id;
    }
    this.written = schemas;
    const components = Object.fromEntries([...this.named.values()].map((name) => [name, schemas[name]]));
    const text = JSON.stringify(components);
    for (const id of this.inPlace.values())
      if (text.includes(`"#/components/schemas/${id}"`))
        throw new Error(`an answer's schema (${id}) is nested in a component: name it in openapi.ts`);
    return components as Record<string, JsonSchema>;
  }

  /** Replaces the placeholders in an operation by the schemas written. */
  resolve(node: unknown): void {
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      const id = (value as Record<string, unknown> | null)?.[PLACEHOLDER];
      if (typeof id === "string" && id in this.written)
        (node as Record<string, unknown>)[key] = this.written[id];
      else this.resolve(value);
    }
  }
}
