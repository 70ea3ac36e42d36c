import type { Kysely } from "kysely";
import type { Tables, UsersTable } from "../schema.js";

// Accounts, their API tokens and their sessions. Secrets never reach this room: tokens and session ids
// arrive hashed, passwords as their hash.

type Db = Kysely<Tables>;

export type UserRow = UsersTable;

export async function insertUser(db: Db, user: UserRow): Promise<void> {
  await db.insertInto("users").values(user).execute();
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
  return (await db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst()) ?? null;
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  return db.selectFrom("users").selectAll().orderBy("email").execute();
}

/** Sets fields of an account; whether there was one. */
export async function updateUser(
  db: Db,
  id: string,
  fields: Partial<Pick<UserRow, "role" | "disabled_at" | "password_hash" | "name">>,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable("users")
    .set({ ...fields, updated_at: now })
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export interface TokenRow {
  id: string;
  user_id: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  email: string;
}

export async function insertToken(
  db: Db,
  token: { id: string; user_id: string; name: string; secret_hash: string; created_at: string },
): Promise<void> {
  await db.insertInto("api_tokens").values(token).execute();
}

export async function listTokens(db: Db): Promise<TokenRow[]> {
  return db
    .selectFrom("api_tokens")
    .innerJoin("users", "users.id", "api_tokens.user_id")
    .select([
      "api_tokens.id",
      "api_tokens.user_id",
      "api_tokens.name",
      "api_tokens.created_at",
      "api_tokens.last_used_at",
      "api_tokens.revoked_at",
      "users.email",
    ])
    .orderBy("api_tokens.created_at")
    .orderBy("api_tokens.id")
    .execute();
}

/** Revokes a token that is not revoked yet; whether one was. */
export async function revokeToken(db: Db, id: string, now: string): Promise<TokenRow | null> {
  const result = await db
    .updateTable("api_tokens")
    .set({ revoked_at: now })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return null;
  return (await listTokens(db)).find((token) => token.id === id) ?? null;
}

/** The account a live token belongs to (revoked tokens and disabled accounts find nothing). */
export async function findUserByToken(
  db: Db,
  secretHash: string,
): Promise<{ user: UserRow; tokenId: string; lastUsedAt: string | null } | null> {
  const row = await db
    .selectFrom("api_tokens")
    .innerJoin("users", "users.id", "api_tokens.user_id")
    .selectAll("users")
    .select(["api_tokens.id as token_id", "api_tokens.last_used_at"])
    .where("api_tokens.secret_hash", "=", secretHash)
    .where("api_tokens.revoked_at", "is", null)
    .where("users.disabled_at", "is", null)
    .executeTakeFirst();
  if (!row) return null;
  const { token_id, last_used_at, ...user } = row;
  return { user, tokenId: token_id, lastUsedAt: last_used_at };
}

export async function touchToken(db: Db, id: string, now: string): Promise<void> {
  await db.updateTable("api_tokens").set({ last_used_at: now }).where("id", "=", id).execute();
}

export async function insertSession(
  db: Db,
  session: {
    id_hash: string;
    user_id: string;
    csrf_token: string;
    created_at: string;
    expires_at: string;
    address: string | null;
  },
): Promise<void> {
  await db.insertInto("sessions").values(session).execute();
}

/** The account of a session that has not expired (a disabled account's sessions find nothing). */
export async function findUserBySession(
  db: Db,
  idHash: string,
  now: string,
): Promise<{ user: UserRow; csrfToken: string } | null> {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .selectAll("users")
    .select("sessions.csrf_token")
    .where("sessions.id_hash", "=", idHash)
    .where("sessions.expires_at", ">", now)
    .where("users.disabled_at", "is", null)
    .executeTakeFirst();
  if (!row) return null;
  const { csrf_token, ...user } = row;
  return { user, csrfToken: csrf_token };
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
}

/** Ends every session of an account (sign-out everywhere, a disabled account, a new role); how many. */
export async function deleteSessionsOf(db: Db, userId: string): Promise<number> {
  const result = await db.deleteFrom("sessions").where("user_id", "=", userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Forgets sessions past their end, so that the table holds only live ones. */
export async function deleteExpiredSessions(db: Db, now: string): Promise<void> {
  await db.deleteFrom("sessions").where("expires_at", "<=", now).execute();
}

export async function recordSignInFailure(db: Db, keys: string[], now: string): Promise<void> {
  await db
    .insertInto("sign_in_failures")
    .values(keys.map((key) => ({ key, at: now })))
    .execute();
}

/** Failed sign-ins under a key since a moment. */
export async function countSignInFailures(db: Db, key: string, since: string): Promise<number> {
  const row = await db
    .selectFrom("sign_in_failures")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("key", "=", key)
    .where("at", ">", since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The oldest failure under a key since a moment: when the window frees a try again. */
export async function oldestSignInFailure(db: Db, key: string, since: string): Promise<string | null> {
  const row = await db
    .selectFrom("sign_in_failures")
    .select((eb) => eb.fn.min("at").as("at"))
    .where("key", "=", key)
    .where("at", ">", since)
    .executeTakeFirst();
  return (row?.at as string | null | undefined) ?? null;
}

/** Forgets failures older than a moment (they no longer count). */
export async function forgetSignInFailures(db: Db, before: string): Promise<void> {
  await db.deleteFrom("sign_in_failures").where("at", "<=", before).execute();
}
