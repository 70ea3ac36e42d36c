import { randomUUID } from "node:crypto";
import { z } from "zod";
import { type Actor, Email, Password, Role } from "../domain/account.js";
import * as repo from "../storage/repos/accountRepo.js";
import { inTransaction } from "../storage/transaction.js";
import { conflict, invalidRequest, notFound } from "./appError.js";
import type { AppServices } from "./appServices.js";
import { recordAction } from "./audit.js";
import { authorize } from "./authorize.js";
import { generatePassword, hashPassword, randomSecret, secretHash } from "./credentials.js";

// Accounts and API tokens, managed by an administrator (or the operator at the command line).

type Services = Pick<AppServices, "db" | "now">;

/** An account as it is shown: never its password hash. */
export const Account = z.object({
  email: z.string(),
  name: z.string(),
  role: Role,
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type Account = z.output<typeof Account>;

export const ApiToken = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revoked: z.boolean(),
});
export type ApiToken = z.output<typeof ApiToken>;

const showAccount = (row: repo.UserRow): Account => ({
  email: row.email,
  name: row.name,
  role: row.role as Role,
  disabled: row.disabled_at !== null,
  createdAt: row.created_at,
});

const showToken = (row: repo.TokenRow): ApiToken => ({
  id: row.id,
  email: row.email,
  name: row.name,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
  revoked: row.revoked_at !== null,
});

/** Parses input with a schema; a refusal names the field, as every boundary does. */
function parsed<T extends z.ZodType>(schema: T, value: unknown, field: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const message = result.error.issues[0]?.message ?? "invalid";
  throw invalidRequest(`${field}: ${message}`, [{ parameter: field, message }]);
}

async function accountOf(db: Services["db"], email: string): Promise<repo.UserRow> {
  const address = parsed(Email, email, "email");
  const user = await repo.findUserByEmail(db, address);
  if (!user) throw notFound(`no account for ${address}`);
  return user;
}

/**
 * Creates an account. Without a password one is generated and returned, to be shown once. The public
 * name defaults to the address's local part (revisions show the name, never the address).
 */
export async function addUser(
  services: Services,
  actor: Actor,
  input: { email: string; role: string; password?: string; name?: string },
): Promise<{ account: Account; generatedPassword: string | null }> {
  authorize(actor, "administer");
  const email = parsed(Email, input.email, "email");
  const role = parsed(Role, input.role, "role");
  const generatedPassword = input.password === undefined ? generatePassword() : null;
  const password = parsed(Password, input.password ?? generatedPassword, "password");
  const name = parsed(z.string().trim().min(1).max(100), input.name ?? email.split("@")[0], "name");
  const hash = await hashPassword(password);
  const now = services.now();
  const row: repo.UserRow = {
    id: randomUUID(),
    email,
    name,
    role,
    password_hash: hash,
    disabled_at: null,
    created_at: now,
    updated_at: now,
  };
  await inTransaction(services.db, async (trx) => {
    if (await repo.findUserByEmail(trx, email)) throw conflict(`an account for ${email} exists already`);
    await repo.insertUser(trx, row);
    await recordAction(trx, actor, "user-added", now, email, { role });
  });
  return { account: showAccount(row), generatedPassword };
}

export async function listAccounts(services: Services, actor: Actor): Promise<Account[]> {
  authorize(actor, "administer");
  return (await repo.listUsers(services.db)).map(showAccount);
}

/** Gives an account another role; its sessions end, so that the new role holds from the next request. */
export async function setRole(
  services: Services,
  actor: Actor,
  email: string,
  role: string,
): Promise<Account> {
  authorize(actor, "administer");
  const newRole = parsed(Role, role, "role");
  const now = services.now();
  return inTransaction(services.db, async (trx) => {
    const user = await accountOf(trx, email);
    await repo.updateUser(trx, user.id, { role: newRole }, now);
    // Roles are read on every request anyway; ending the sessions makes the person sign in again and
    // see the new role's pages rather than forms that would now be refused.
    const sessions = await repo.deleteSessionsOf(trx, user.id);
    await recordAction(trx, actor, "role-changed", now, user.email, {
      from: user.role,
      to: newRole,
      sessionsEnded: sessions,
    });
    return showAccount({ ...user, role: newRole });
  });
}

/**
 * Disables an account at once: its sessions are deleted and its tokens stop working (every request
 * looks the account up, and a disabled one finds nothing). Its proposals and revisions stay.
 */
export async function disableUser(services: Services, actor: Actor, email: string): Promise<Account> {
  authorize(actor, "administer");
  const now = services.now();
  return inTransaction(services.db, async (trx) => {
    const user = await accountOf(trx, email);
    if (user.disabled_at === null) await repo.updateUser(trx, user.id, { disabled_at: now }, now);
    const sessions = await repo.deleteSessionsOf(trx, user.id);
    await recordAction(trx, actor, "user-disabled", now, user.email, { sessionsEnded: sessions });
    return showAccount({ ...user, disabled_at: user.disabled_at ?? now });
  });
}

/** Creates an API token for an account: the token is returned here only, and stored as its hash. */
export async function createToken(
  services: Services,
  actor: Actor,
  email: string,
  name?: string,
): Promise<{ token: string; apiToken: ApiToken }> {
  authorize(actor, "administer");
  const tokenName = parsed(z.string().trim().min(1).max(100), name ?? "api", "name");
  const token = `aigov_${randomSecret(32)}`;
  const id = `tok_${randomSecret(6)}`;
  const now = services.now();
  await inTransaction(services.db, async (trx) => {
    const user = await accountOf(trx, email);
    if (user.disabled_at !== null) throw conflict(`the account ${user.email} is disabled`);
    await repo.insertToken(trx, {
      id,
      user_id: user.id,
      name: tokenName,
      secret_hash: secretHash(token),
      created_at: now,
    });
    await recordAction(trx, actor, "token-created", now, id, { email: user.email, name: tokenName });
  });
  const apiToken = (await repo.listTokens(services.db)).find((row) => row.id === id);
  return { token, apiToken: showToken(apiToken as repo.TokenRow) };
}

export async function listApiTokens(services: Services, actor: Actor): Promise<ApiToken[]> {
  authorize(actor, "administer");
  return (await repo.listTokens(services.db)).map(showToken);
}

/** Revokes a token: the next request that carries it is refused. */
export async function revokeApiToken(services: Services, actor: Actor, id: string): Promise<ApiToken> {
  authorize(actor, "administer");
  const now = services.now();
  return inTransaction(services.db, async (trx) => {
    const revoked = await repo.revokeToken(trx, id, now);
    if (!revoked) {
      const known = (await repo.listTokens(trx)).some((row) => row.id === id);
      throw known ? conflict(`the token ${id} is revoked already`) : notFound(`no token with id ${id}`);
    }
    await recordAction(trx, actor, "token-revoked", now, id, { email: revoked.email });
    return showToken(revoked);
  });
}
