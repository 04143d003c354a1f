import { DomainError, type DomainErrorDetail } from '@marketplace/kernel';

export class DisputeNotFoundError extends DomainError {
  readonly kind = 'not_found';
  readonly code = 'dispute_not_found';

  constructor() {
    super('No such dispute.');
  }
}

export class DisputeResolvedError extends DomainError {
  readonly kind = 'rule';
  readonly code = 'dispute_resolved';

  constructor() {
    super('The dispute is resolved: it takes no more responses or decisions.');
  }
}

/** The buyer's bank already moved the money of a chargeback: an admin can only reject the case (or wait for it to close). */
export class ChargebackNotRefundableError extends DomainError {
  readonly kind = 'rule';
  readonly code = 'chargeback_not_refundable';

  constructor() {
    super('A chargeback case cannot be refunded or returned: the bank already moved the money.', [{ field: 'decision', message: 'only reject applies to a chargeback' }]);
  }
}

export class RefundExceedsDisputedError extends DomainError {
  readonly kind = 'rule';
  readonly code = 'refund_exceeds_disputed';

  constructor(details: DomainErrorDetail[]) {
    super('A dispute refunds at most the disputed lines, in the order currency.', details);
  }
}

export class ReturnAlreadyRequestedError extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'return_already_requested';

  constructor() {
    super('A return is already requested for this dispute.');
  }
}

export class ReturnNotRequestedError extends DomainError {
  readonly kind = 'rule';
  readonly code = 'return_not_requested';

  constructor() {
    super('No return was requested for this dispute.');
  }
}

/** The buyer is a party, but only a seller of the lines (or an admin) receives the returned goods. */
export class NotReturnRecipientError extends DomainError {
  readonly kind = 'forbidden';
  readonly code = 'not_return_recipient';

  constructor() {
    super('Only a seller of the disputed lines or an admin records the returned goods.');
  }
}
