import { addMs } from "../domain/instant.js";
import { z } from "zod";
import { type Actor, anonymous, Email, type Role } from "../domain/account.js";
import * as repo from "../storage/repos/accountRepo.js";
import { inTransaction } from "../storage/transaction.js";
import { tooManyRequests, unauthenticated } from "./appError.js";
import type { AppServices } from "./appServices.js";
import { recordAction } from "./audit.js";
import { decoyHash, randomSecret, sameSecret, secretHash, verifyPassword } from "./credentials.js";

// Who is asking: an API token, a session cookie, or nobody. Sign-in, sign-out, and the throttle that
// keeps a guesser slow.

type Services = Pick<AppServices, "db" | "now">;

/** The cookie that carries a session's id (the database keeps only its hash). */
export const SESSION_COOKIE = "aigov_session";
/** How long a session lasts from sign-in. */
export const SESSION_DAYS = 14;
/** Failed sign-ins allowed in a window: per account (a guesser of one password) and per address. */
export const SIGN_IN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
/** A token's last use is written at most this often, so that API calls do not each write a row. */
const TOKEN_TOUCH_MS = 60_000;

const minutesBefore = (iso: string, minutes: number) => addMs(iso, -minutes * 60_000);

function accountActor(user: repo.UserRow, via: "session" | "token", address: string | null): Actor {
  return {
    kind: "account",
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role as Role,
    via,
    address,
  };
}

/**
 * The account an `Authorization` header names, looked up on every request (a revoked token or a
 * disabled account is refused at once); anonymous without the header. A header that is there but not
 * a live token is refused, rather than read as nobody.
 */
export async function actorFromAuthorization(
  services: Services,
  header: string | undefined,
  address: string | null,
): Promise<Actor> {
  if (header === undefined) return anonymous(address);
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw unauthenticated("the Authorization header must be Bearer followed by an API token");
  const found = await repo.findUserByToken(services.db, secretHash(match[1] as string));
  if (!found) throw unauthenticated("the API token is unknown, revoked, or its account is disabled");
  const now = services.now();
  if (found.lastUsedAt === null || Date.parse(now) - Date.parse(found.lastUsedAt) > TOKEN_TOUCH_MS)
    await repo.touchToken(services.db, found.tokenId, now);
  return accountActor(found.user, "token", address);
}

/** A signed-in session: the account and the CSRF token its forms must carry. */
export interface Session {
  actor: Actor & { kind: "account" };
  csrfToken: string;
}

/** The session a cookie's value names, if it is live and its account enabled; else null. */
export async function sessionOf(
  services: Services,
  cookie: string | undefined,
  address: string | null,
): Promise<Session | null> {
  if (!cookie || cookie.length > 100) return null;
  const found = await repo.findUserBySession(services.db, secretHash(cookie), services.now());
  if (!found) return null;
  return {
    actor: accountActor(found.user, "session", address) as Session["actor"],
    csrfToken: found.csrfToken,
  };
}

/** Whether a form's CSRF token is the session's. */
export function csrfMatches(session: Session, token: string | undefined): boolean {
  return token !== undefined && sameSecret(session.csrfToken, token);
}

export const SignInInput = z.object({ email: z.string().max(254), password: z.string().max(1_000) }).strict();

/** A new session: the cookie's value (to send once) and when it ends. */
export interface NewSession {
  cookie: string;
  expiresAt: string;
  actor: Actor & { kind: "account" };
}

/** Refuses a sign-in while an account or address has failed too often in the window. */
async function throttle(services: Services, keys: string[], now: string): Promise<void> {
  const since = minutesBefore(now, SIGN_IN_WINDOW_MINUTES);
  for (const [key, limit] of [
    [keys[0], MAX_FAILURES_PER_ACCOUNT],
    [keys[1], MAX_FAILURES_PER_ADDRESS],
  ] as const) {
    if (key === undefined) continue;
    if ((await repo.countSignInFailures(services.db, key, since)) < limit) continue;
    const oldest = await repo.oldestSignInFailure(services.db, key, since);
    const freeAt = Date.parse(oldest ?? now) + SIGN_IN_WINDOW_MINUTES * 60_000;
    const seconds = Math.max(1, Math.ceil((freeAt - Date.parse(now)) / 1000));
    throw tooManyRequests(
      `too many failed sign-ins ${key.startsWith("account:") ? "for this account" : "from this address"}; try again in ${Math.ceil(seconds / 60)} minutes`,
      seconds,
    );
  }
}

/**
 * Signs in with an email and password: a new session, or 401 with the same words whether the address
 * has no account, the password is wrong or the account is disabled (and in the same time). Failures
 * are counted per account and per address; past the limits a sign-in is refused (429) until the window
 * frees a try, whatever the password.
 */
export async function signIn(
  services: Services,
  input: { email: string; password: string },
  address: string | null,
): Promise<NewSession> {
  const now = services.now();
  const email = Email.safeParse(input.email);
  const keys = [
    email.success ? `account:${email.data}` : undefined,
    address ? `address:${address}` : undefined,
  ];
  await throttle(services, keys as string[], now);
  const user = email.success ? await repo.findUserByEmail(services.db, email.data) : null;
  const valid = user
    ? await verifyPassword(user.password_hash, input.password)
    : (await verifyPassword(await decoyHash(), input.password), false);
  if (!user || !valid || user.disabled_at !== null) {
    await inTransaction(services.db, async (trx) => {
      await repo.recordSignInFailure(
        trx,
        keys.filter((key): key is string => key !== undefined),
        now,
      );
      await recordAction(trx, anonymous(address), "sign-in-refused", now, email.success ? email.data : null);
      await repo.forgetSignInFailures(trx, minutesBefore(now, 24 * 60));
    });
    throw unauthenticated("wrong email or password (or the account is disabled)");
  }
  const cookie = randomSecret(32);
  const expiresAt = addMs(now, SESSION_DAYS * 86_400_000);
  const actor = accountActor(user, "session", address) as NewSession["actor"];
  await inTransaction(services.db, async (trx) => {
    await repo.insertSession(trx, {
      id_hash: secretHash(cookie),
      user_id: user.id,
      csrf_token: randomSecret(24),
      created_at: now,
      expires_at: expiresAt,
      address,
    });
    await recordAction(trx, actor, "sign-in", now, user.email);
    await repo.deleteExpiredSessions(trx, now);
  });
  return { cookie, expiresAt, actor };
}

/** Ends one session. */
export async function signOut(services: Services, session: Session, cookie: string): Promise<void> {
  const now = services.now();
  await inTransaction(services.db, async (trx) => {
    await repo.deleteSession(trx, secretHash(cookie));
    await recordAction(trx, session.actor, "sign-out", now, session.actor.email);
  });
}

/** Ends every session of the signed-in account, on every device and server. */
export async function signOutEverywhere(
  services: Services,
  actor: Actor & { kind: "account" },
): Promise<number> {
  const now = services.now();
  return inTransaction(services.db, async (trx) => {
    const ended = await repo.deleteSessionsOf(trx, actor.userId);
    await recordAction(trx, actor, "sign-out-everywhere", now, actor.email, { sessionsEnded: ended });
    return ended;
  });
}
