import type { Money } from '@marketplace/contracts';

/*
 * The provider reports a chargeback (a dispute raised by the buyer's bank) on a payment. Both are
 * provider inputs: quietly ignored where they do not apply, never an error.
 */

export interface RecordChargebackOpened {
  type: 'RecordChargebackOpened';
  paymentId: string;
  providerDisputeId: string;
  amount: Money;
  reason: string;
  at: Date;
}

/** Carries what opening needs too: a close whose opening was never reported opens and closes at once. */
export interface RecordChargebackClosed {
  type: 'RecordChargebackClosed';
  paymentId: string;
  providerDisputeId: string;
  amount: Money;
  reason: string;
  outcome: 'won' | 'lost';
  at: Date;
}
