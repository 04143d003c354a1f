import type { Money } from '@marketplace/contracts';

/** Pay a seller this much of its available balance; the id names the payout, so the same one twice is one payout. */
export interface SchedulePayout {
  type: 'SchedulePayout';
  payoutId: string;
  sellerId: string;
  amount: Money;
  at: Date;
}

/** The payout provider's answers: recorded once, from scheduled only. */
export interface RecordPayoutPaid {
  type: 'RecordPayoutPaid';
  payoutId: string;
  providerPayoutId: string;
  at: Date;
}

export interface RecordPayoutFailed {
  type: 'RecordPayoutFailed';
  payoutId: string;
  failureCode: string;
  message: string;
  at: Date;
}

export type PayoutCommand = SchedulePayout | RecordPayoutPaid | RecordPayoutFailed;
