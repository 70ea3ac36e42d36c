import { SESSION_COOKIE, SESSION_DAYS } from "../app/authentication.js";
import { randomSecret, sameSecret } from "../app/credentials.js";

// The web app's cookies besides the language: the session (signed in) and the double-submit token that
// protects the forms of readers who are not signed in (sign-in, suggest a correction).

/** The cookie that holds the anonymous forms' CSRF token (the same value is in each form's hidden field). */
export const FORM_COOKIE = "aigov_form";
/** The hidden field every form that changes something carries. */
export const CSRF_FIELD = "csrf";
/** How long a form-token cookie lasts: a form left open longer is refused and shown again. */
const FORM_COOKIE_SECONDS = 86_400;

/** One cookie's value from a Cookie header, or undefined. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return undefined;
}

/** The attributes every cookie of ours has; Secure when the site is served over HTTPS. */
function attributes(secure: boolean, maxAge: number): string {
  return `Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/** The Set-Cookie value of a new session, for as long as the session lasts. */
export function sessionCookie(value: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${value}; ${attributes(secure, SESSION_DAYS * 86_400)}`;
}

/** The Set-Cookie value that makes the browser forget its session cookie. */
export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; ${attributes(secure, 0)}`;
}

/** The Set-Cookie value of an anonymous form token. */
export function formCookie(value: string, secure: boolean): string {
  return `${FORM_COOKIE}=${value}; ${attributes(secure, FORM_COOKIE_SECONDS)}`;
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32,64}$/;

/** The form token a Cookie header carries, if it has the shape of one we made. */
export function formTokenOf(header: string | undefined): string | undefined {
  const value = cookieValue(header, FORM_COOKIE);
  return value !== undefined && TOKEN_SHAPE.test(value) ? value : undefined;
}

/** A new anonymous form token (the cookie's value and the hidden field's). */
export function newFormToken(): string {
  return randomSecret(32);
}

/** Whether a form's token is the one its cookie holds (double submit), compared in constant time. */
export function formTokenMatches(cookieToken: string | undefined, fieldToken: string | undefined): boolean {
  return cookieToken !== undefined && fieldToken !== undefined && sameSecret(cookieToken, fieldToken);
}

/** The session cookie's value in a Cookie header (present means: this reader says they are signed in). */
export function sessionCookieOf(header: string | undefined): string | undefined {
  const value = cookieValue(header, SESSION_COOKIE);
  return value === undefined || value === "" ? undefined : value;
}

/**
 * Where to go after signing in: a path of this site only (never another origin: `//host` and `/\host`
 * are refused, as browsers read both as another host), else the chronicle.
 */
export function localNext(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return /[\r\n]/.test(value) ? "/" : value.slice(0, 2000);
}
