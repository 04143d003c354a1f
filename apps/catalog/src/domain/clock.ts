/** Where time comes from; injected so that domain logic never reads the system clock itself. */
export interface Clock {
  now(): Date;
}

/** Where new ids come from. */
export interface IdGenerator {
  next(): string;
}

export const CLOCK = Symbol('CLOCK');
export const ID_GENERATOR = Symbol('ID_GENERATOR');
