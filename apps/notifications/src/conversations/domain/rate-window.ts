/** At most `limit` requests in any `windowMs`. */
export interface RateRule {
  limit: number;
  windowMs: number;
}

/** Requests already counted in the current fixed window and in the one before it. */
export interface WindowCounts {
  current: number;
  previous: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export function windowStartOf(now: Date, rule: RateRule): Date {
  return new Date(Math.floor(now.getTime() / rule.windowMs) * rule.windowMs);
}

/**
 * A sliding-window counter: the previous window counts for the share of it the last `windowMs` still
 * overlaps. Two counters per key suffice (cheap to share between instances in a table), without the
 * double burst a fixed window allows at its edge. A refusal says when one more request would fit, if
 * none is made meanwhile.
 */
export function decideRate(rule: RateRule, counts: WindowCounts, now: Date): RateDecision {
  const elapsed = now.getTime() - windowStartOf(now, rule).getTime();
  const estimate = (counts.previous * (rule.windowMs - elapsed)) / rule.windowMs + counts.current;
  if (estimate + 1 <= rule.limit) return { allowed: true };
  return { allowed: false, retryAfterMs: waitBeforeNext(rule, counts, elapsed) };
}

function waitBeforeNext({ limit, windowMs }: RateRule, counts: WindowCounts, elapsed: number): number {
  if (counts.current + 1 <= limit) {
    // Later in this window, once enough of the previous window's weight has faded.
    const fitsAt = (windowMs * (counts.previous - (limit - counts.current - 1))) / counts.previous;
    return Math.ceil(fitsAt - elapsed);
  }
  // In the next window, once enough of this window's weight (then the previous one) has faded.
  const fitsAt = (windowMs * (counts.current - (limit - 1))) / counts.current;
  return Math.ceil(windowMs - elapsed + fitsAt);
}
