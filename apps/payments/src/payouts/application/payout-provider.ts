import type { Money } from '@marketplace/contracts';

export interface PayoutRequest {
  payoutId: string;
  sellerId: string;
  amount: Money;
  /** Derived from the payout: sending it again (a retry, the next pass) cannot pay twice. */
  idempotencyKey: string;
}

/** A refusal is a result; only a provider that cannot be reached throws (the payout stays scheduled). */
export type PayoutOutcome = { kind: 'paid'; providerPayoutId: string } | { kind: 'failed'; failureCode: string; message: string };

/** Where sellers' money is sent. */
export interface PayoutProviderPort {
  readonly name: string;
  pay(request: PayoutRequest): Promise<PayoutOutcome>;
}

export const PAYOUT_PROVIDER = Symbol('PAYOUT_PROVIDER');
