import { type Actor, type Permission, roleMay } from "../domain/account.js";
import { forbidden, unauthenticated } from "./appError.js";

const REFUSALS: Record<Permission, string> = {
  propose: "proposing a change needs a contributor, editor or admin account",
  subscribe: "subscribing needs an account (any role)",
  review: "publishing or rejecting a proposal needs an editor or admin account",
  administer: "managing accounts, tokens and the audit log needs an admin account",
};

/**
 * The authorize step of every write (validate → authorize → command → present): the operator may do
 * anything, an account what its role allows; nobody signed in is refused with 401, a role that may not
 * with 403. Checked on every request against the database's current account, never a cached one, so
 * that a disabled account or a changed role takes effect at once.
 */
export function authorize(
  actor: Actor,
  permission: Permission,
): asserts actor is Exclude<Actor, { kind: "anonymous" }> {
  if (actor.kind === "operator") return;
  if (actor.kind === "anonymous")
    throw unauthenticated(
      "sign in first: send Authorization: Bearer TOKEN (an API token), or sign in at /sign-in",
    );
  if (!roleMay(actor.role, permission))
    throw forbidden(`${REFUSALS[permission]}; ${actor.email} is a ${actor.role}`);
}
