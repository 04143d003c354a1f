import { DomainError, type DomainErrorDetail, type DomainErrorKind } from '@marketplace/kernel';
import type { RequestOutcome } from '../infrastructure/order-requests-repository';

/** A refusal given to the first request with this key, given again as it was. */
export class RepeatedRefusalError extends DomainError {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    details: DomainErrorDetail[],
  ) {
    super(message, details);
  }
}

export function refusalOutcome(error: DomainError): RequestOutcome {
  return { kind: 'refused', code: error.code, message: error.message, errorKind: error.kind, details: error.details };
}

/** The stored first answer: the order placed, or its refusal thrown again (never hidden). */
export function replay(outcome: RequestOutcome): { orderId: string; status: string } {
  if (outcome.kind === 'placed') return { orderId: outcome.orderId, status: outcome.status };
  throw new RepeatedRefusalError(outcome.errorKind as DomainErrorKind, outcome.code, outcome.message, outcome.details);
}
