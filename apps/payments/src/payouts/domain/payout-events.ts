import type { SellerPayoutFailed, SellerPayoutPaid, SellerPayoutScheduled } from '@marketplace/contracts';

/** A payout's events as stored in its stream `payout-<id>`; all three are public as they are. */
export type PayoutEvent =
  | { type: 'SellerPayoutScheduled'; data: SellerPayoutScheduled }
  | { type: 'SellerPayoutPaid'; data: SellerPayoutPaid }
  | { type: 'SellerPayoutFailed'; data: SellerPayoutFailed };

export const PAYOUT_EVENT_TYPES: readonly PayoutEvent['type'][] = ['SellerPayoutScheduled', 'SellerPayoutPaid', 'SellerPayoutFailed'];

export const PAYOUT_STREAM_PREFIX = 'payout-';

export function payoutStream(payoutId: string): string {
  return `${PAYOUT_STREAM_PREFIX}${payoutId}`;
}
