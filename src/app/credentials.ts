import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import argon2 from "argon2";

// Secrets: passwords hashed with argon2id (memory-hard), tokens and session ids as random bytes stored
// as SHA-256 (they carry 256 bits already: a fast hash cannot be brute-forced back to them).

/**
 * argon2id with OWASP's recommended setting (19 MiB, 2 passes, 1 lane): about 60 ms on this 2-core
 * machine, so that a sign-in is quick and a stolen hash costs an attacker as much per guess.
 */
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

/** Whether a password matches its stored hash (a malformed hash matches nothing). */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/**
 * A hash to verify against when there is no account: a sign-in with an unknown address then takes as
 * long as one with a wrong password, and its timing does not tell which addresses have accounts.
 */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomSecret(16));
  return decoy;
}

/** A random secret, URL-safe: 32 bytes (256 bits) unless said otherwise. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** The stored form of a token or session id. */
export function secretHash(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** Compares two secrets in time that does not depend on where they first differ. */
export function sameSecret(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a, "utf8"), Buffer.from(b, "utf8")];
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A readable password for `aigov users add` without stdin: 20 characters from 56 (116 bits). */
export function generatePassword(): string {
  const alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(40);
  let password = "";
  // Rejection sampling: bytes ≥ 224 would favour the first letters of the 56 (256 = 4 × 56 + 32).
  for (const byte of bytes) if (byte < 224 && password.length < 20) password += alphabet[byte % 56];
  return password.length === 20 ? password : generatePassword();
}
