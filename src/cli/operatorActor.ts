import { userInfo } from "node:os";
import { type Actor, operator } from "../domain/account.js";
import type { Database } from "../storage/database.js";

/**
 * The operator running a command, as the audit log records them: whoever can run aigov against the
 * database owns it and may do anything, and "from where" is this machine's user (`cli:alice`).
 */
export function commandLineOperator(): Actor {
  let user = "unknown";
  try {
    user = userInfo().username || user;
  } catch {
    // A user without an entry in the password database (some containers): still the operator.
  }
  return operator(`cli:${user}`);
}

/**
 * What the account use cases need of a command: the database and the time it is (the system's; the
 * server's tests inject theirs through AppContext.clock).
 */
export const commandLineServices = (db: Database) => ({ db, now: () => new Date().toISOString() });
