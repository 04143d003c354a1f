/** How many failed logins a scope (one account, one client IP) may have within the window. */
export interface ThrottleLimit {
  maxFailures: number;
  windowMs: number;
}

export type ThrottleDecision = { blocked: false } | { blocked: true; retryAfterSeconds: number };

/**
 * Sliding window over the failures' times: blocked once `maxFailures` fall within the window, until
 * enough of them age out that one more attempt would be allowed.
 */
export function throttleDecision(failures: readonly Date[], limit: ThrottleLimit, now: Date): ThrottleDecision {
  const since = now.getTime() - limit.windowMs;
  const recent = failures.map((at) => at.getTime()).filter((at) => at > since).sort((a, b) => a - b);
  if (recent.length < limit.maxFailures) return { blocked: false };
  const freedAt = recent[recent.length - limit.maxFailures] + limit.windowMs;
  return { blocked: true, retryAfterSeconds: Math.max(1, Math.ceil((freedAt - now.getTime()) / 1000)) };
}
