/**
 * The client's IP for per-IP limits. `x-forwarded-for` is believed only when the request comes from a
 * trusted proxy (the gateway): then the nearest address that is not itself a trusted proxy is the
 * client. From anyone else the header could be forged, so the socket's address counts.
 */
export function clientIp(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedProxies: readonly string[]): string {
  const remote = socketAddress ?? 'unknown';
  if (!trustedProxies.includes(remote) || forwardedFor === undefined) return remote;
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  for (let i = chain.length - 1; i >= 0; i--) {
    if (!trustedProxies.includes(chain[i])) return chain[i];
  }
  return chain[0] ?? remote;
}
