const DAY_MS = 86_400_000;

/**
 * Days further back than this many half-lives weigh less than 2^-10 (0.1%) of today's and are left out,
 * which bounds the days a query reads.
 */
export const HORIZON_HALF_LIVES = 10;

/** The UTC day (YYYY-MM-DD) of an ISO 8601 UTC time. */
export function utcDay(isoTime: string): string {
  return isoTime.slice(0, 10);
}

/** How much one sale weighs `ageMs` after it: halved every half-life. */
export function decayWeight(ageMs: number, halfLifeDays: number): number {
  return 0.5 ** (Math.max(0, ageMs) / (halfLifeDays * DAY_MS));
}

export interface DayWeight {
  day: string;
  weight: number;
}

/**
 * The weight of each day's sales at `now`, from today back to the horizon. Sales are kept per UTC day,
 * so a day's sales are aged from the start of that day: today's weigh at most 1.
 */
export function dayWeights(now: Date, halfLifeDays: number): DayWeight[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const days = Math.ceil(halfLifeDays * HORIZON_HALF_LIVES);
  return Array.from({ length: days + 1 }, (_, back) => {
    const start = today - back * DAY_MS;
    return { day: new Date(start).toISOString().slice(0, 10), weight: decayWeight(now.getTime() - start, halfLifeDays) };
  });
}
