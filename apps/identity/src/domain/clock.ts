/** Time and ids come into the domain from outside, so that its rules are pure and testable. */
export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  /** A new UUID. */
  next(): string;
}

export const CLOCK = Symbol('CLOCK');
export const ID_GENERATOR = Symbol('ID_GENERATOR');
