/** Where time comes from: injected, so that domain rules never read the system clock themselves. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** DI token of the service's Clock (the platform provides the system clock). */
export const CLOCK = Symbol('CLOCK');
