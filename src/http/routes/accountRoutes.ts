import { z } from "zod";
import { unauthenticated } from "../../app/appError.js";
import { AuditEntry, AuditQuery, auditEntries } from "../../app/audit.js";
import { Role } from "../../domain/account.js";
import { defineEndpoint, type Endpoint, jsonAnswer, problemAnswer } from "../endpoint.js";
import { requestActor } from "../requestActor.js";

/**
 * These answers belong to the token that asked: no cache may keep one for anyone else (the response
 * cache of middleware.ts skips private and no-store answers, as must every proxy).
 */
const PRIVATE = { "cache-control": "private, no-store" };

export const Me = z
  .object({ email: z.string(), name: z.string().describe("The public name revisions show"), role: Role })
  .strict();
export const AuditPage = z
  .object({
    entries: z.array(AuditEntry).describe("Newest first"),
    next: z.number().int().nullable().describe("The `before` of the next page, null on the last"),
  })
  .strict();

const me = jsonAnswer("The account of the token", Me);
const audit = jsonAnswer("Audit entries, newest first", AuditPage);
const NO_TOKEN = problemAnswer("No API token, or one that is unknown, revoked, or whose account is disabled");

/** GET /api/me (whose token this is) and GET /api/audit (every action, for an admin). */
export const accountRoutes: Endpoint[] = [
  defineEndpoint({
    method: "get",
    path: "/api/me",
    summary: "The account an API token belongs to: email, public name, role",
    security: "bearer",
    responses: { 200: me, 401: NO_TOKEN },
    handler: async ({ c, deps: { services } }) => {
      const actor = await requestActor(c, services);
      if (actor.kind !== "account")
        throw unauthenticated("send Authorization: Bearer TOKEN (an API token) to be told whose it is");
      return me.send(c, { email: actor.email, name: actor.name, role: actor.role }, PRIVATE);
    },
  }),
  defineEndpoint({
    method: "get",
    path: "/api/audit",
    summary:
      "The audit log (admins): sign-ins, roles, tokens, proposals, publications, imports; who, when, from where",
    security: "bearer",
    query: AuditQuery,
    parameterDescriptions: {
      limit: "Page size, 1 to 1000 (default 100).",
      before: "The `next` of a previous page: entries older than it.",
      action: "Only entries of this action.",
    },
    responses: {
      200: audit,
      400: problemAnswer("A bad parameter: which one and why, as an RFC 9457 problem document."),
      401: NO_TOKEN,
      403: problemAnswer("The token's account is not an admin"),
    },
    handler: async ({ c, query, deps: { services } }) => {
      const actor = await requestActor(c, services);
      return audit.send(c, await auditEntries(services, actor, query), PRIVATE);
    },
  }),
];
