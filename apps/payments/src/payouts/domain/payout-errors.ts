import { DomainError } from '@marketplace/kernel';

/** A payout moves money to the seller: never nothing, never a debt. */
export class PayoutAmountError extends DomainError {
  readonly kind = 'rule';
  readonly code = 'payout_amount_invalid';

  constructor(amount: number) {
    super(`A payout must be of more than zero minor units, not ${amount}.`);
  }
}
