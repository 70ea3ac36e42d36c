import type { Context } from "hono";
import type { AppServices } from "../app/appServices.js";
import { actorFromAuthorization } from "../app/authentication.js";
import { clientAddress } from "../app/clientAddress.js";
import type { Actor } from "../domain/account.js";

/**
 * Who sends an API request: the account of its `Authorization: Bearer` token, looked up on every
 * request (a revoked token or a disabled account stops at once), or nobody. The API never reads the
 * session cookie: a write through it is made with a token, so that a page on another site cannot make
 * a signed-in browser write (the web forms, with their CSRF tokens, are the web app's).
 */
export function requestActor(c: Context, services: AppServices): Promise<Actor> {
  const address = clientAddress({ env: c.env, header: (name) => c.req.header(name) }, services.trustProxy);
  return actorFromAuthorization(services, c.req.header("authorization"), address);
}
