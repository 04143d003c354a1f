/** One problem with one input field. */
export interface DomainErrorDetail {
  field: string;
  message: string;
}

/**
 * What kind of refusal a domain error is; the edge (the platform's error mapping) chooses the HTTP
 * status from it: not_found 404, forbidden 403, conflict 409, rule 422, invalid 400.
 */
export type DomainErrorKind = 'not_found' | 'forbidden' | 'conflict' | 'rule' | 'invalid';

/**
 * An expected refusal of the domain: a plain class with a stable `code` (e.g. `order_not_cancellable`)
 * and a message a client may see, so it must carry no secrets or internals.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  abstract readonly code: string;

  constructor(
    message: string,
    readonly details: DomainErrorDetail[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}
