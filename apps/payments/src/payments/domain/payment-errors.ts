import { DomainError } from '@marketplace/kernel';

export class PaymentNotFoundError extends DomainError {
  readonly kind = 'not_found';
  readonly code = 'payment_not_found';

  constructor() {
    super('No such payment.');
  }
}

export class PaymentNotCapturedError extends DomainError {
  readonly kind = 'rule';
  readonly code = 'payment_not_captured';

  constructor(status: string) {
    super(`Only a captured payment can be refunded; this one is ${status}.`);
  }
}

/** Refunded plus pending refunds may never exceed what was captured. */
export class RefundExceedsCapturedError extends DomainError {
  readonly kind = 'rule';
  readonly code = 'refund_exceeds_captured';

  constructor(refundable: number, currency: string) {
    super(`At most ${refundable} (minor units of ${currency}) can still be refunded.`, [
      { field: 'amount.amount', message: `must not exceed ${refundable}` },
    ]);
  }
}

export class RefundCurrencyMismatchError extends DomainError {
  readonly kind = 'rule';
  readonly code = 'refund_currency_mismatch';

  constructor(currency: string) {
    super(`The payment was made in ${currency}; a refund must be in the same currency.`, [{ field: 'amount.currency', message: `must be ${currency}` }]);
  }
}

/** The same refund id (the same Idempotency-Key) was sent again with another amount. */
export class RefundIdConflictError extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'idempotency_key_reused';

  constructor() {
    super('This Idempotency-Key was already used for a refund of another amount.');
  }
}
