/**
 * Where a request came from, for the audit log and the throttles: the socket's peer, or, behind a proxy
 * the operator runs and has said so (`--trust-proxy`), the first address of X-Forwarded-For (a client
 * could write any address there, so it is believed only when asked). Null when neither is known (a
 * request made in process, as tests make them).
 */
export function clientAddress(
  request: { env: unknown; header(name: string): string | undefined },
  trustProxy: boolean,
): string | null {
  if (trustProxy) {
    const forwarded = request.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded.slice(0, 100);
  }
  const env = request.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? null;
}
