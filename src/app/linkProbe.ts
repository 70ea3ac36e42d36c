import { isHttpUrl } from "../domain/httpUrl.js";
import { type LinkFinding, outcomeOfStatus } from "../domain/linkStatus.js";
import type { HostGate } from "./hostGate.js";

/** How one URL is asked about: the limits of a check and the gate that spaces requests per host. */
export interface ProbeSettings {
  /** How long to wait for an answer's status line and headers, per request. */
  timeoutMs: number;
  /** The longest chain of redirects followed. */
  maxRedirects: number;
  userAgent: string;
  gate: HostGate;
}

/** One request's outcome: an answer's status (and where it redirects), or no answer and why. */
type Asked = { status: number; location: string | null } | { failed: string };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Why a request got no answer, in a few words an editor can act on. */
function whyNoAnswer(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"))
    return `no answer within ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const code = typeof cause?.code === "string" ? cause.code : "";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EAI_NONAME")
    return `DNS lookup failed (${code})`;
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return "connection closed without an answer";
  if (code === "UND_ERR_HEADERS_TIMEOUT") return `no answer within ${timeoutMs} ms`;
  if (/CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) return `TLS failed (${code})`;
  const message = typeof cause?.message === "string" ? cause.message : (error as Error).message;
  return code ? `${message} (${code})` : String(message);
}

async function ask(url: string, method: "HEAD" | "GET", settings: ProbeSettings): Promise<Asked> {
  const host = new URL(url).host;
  return settings.gate.run(host, async () => {
    try {
      const response = await fetch(url, {
        method,
        // Redirects are followed here, one by one, so that each goes through the gate and a loop is seen.
        redirect: "manual",
        signal: AbortSignal.timeout(settings.timeoutMs),
        headers: { "user-agent": settings.userAgent, accept: "*/*" },
      });
      // Only the status matters: the body of a GET is not downloaded.
      await response.body?.cancel().catch(() => {});
      return { status: response.status, location: response.headers.get("location") };
    } catch (error) {
      return { failed: whyNoAnswer(error, settings.timeoutMs) };
    }
  });
}

/**
 * Asks whether `url` still works. HEAD first (no body sent); an error answer to HEAD is asked again
 * with GET, since many servers answer HEAD wrongly (405, 501, some 403 and even 404) while serving the
 * page. A 5xx is asked once more (the gate spaces the two), as one failure of a busy server says little.
 * Redirects are followed up to the limit, and the last URL is returned when it differs from the first.
 */
export async function probeLink(url: string, settings: ProbeSettings): Promise<LinkFinding> {
  const seen = new Set([url]);
  let current = url;
  for (let redirects = 0; ; redirects++) {
    let asked = await ask(current, "HEAD", settings);
    if ("status" in asked && asked.status >= 400) asked = await ask(current, "GET", settings);
    if ("status" in asked && asked.status >= 500) asked = await ask(current, "GET", settings);
    const finalUrl = current === url ? null : current;
    if ("failed" in asked) return { outcome: "unreachable", status: null, finalUrl, error: asked.failed };
    const { status, location } = asked;
    if (REDIRECTS.has(status) && location !== null) {
      let next: string;
      try {
        next = new URL(location, current).href;
      } catch {
        return { outcome: "broken", status, finalUrl, error: "redirect to an address that is not a URL" };
      }
      if (!isHttpUrl(next))
        return { outcome: "broken", status, finalUrl, error: "redirect to an address that is not http(s)" };
      if (seen.has(next)) return { outcome: "broken", status, finalUrl, error: "redirect loop" };
      if (redirects >= settings.maxRedirects)
        return { outcome: "broken", status, finalUrl, error: `more than ${settings.maxRedirects} redirects` };
      seen.add(next);
      current = next;
      continue;
    }
    const outcome = outcomeOfStatus(status);
    return { outcome, status, finalUrl, error: outcome === "ok" ? null : `HTTP ${status}` };
  }
}
