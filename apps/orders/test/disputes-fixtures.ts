import type { DisputeOpened } from '@marketplace/contracts';
import { at, ids, placedOrder } from './fixtures/order-fixtures';

/** Ids and an opened dispute for the disputes' given/when/then tests, on the order of order-fixtures. */
export const disputeIds = {
  dispute: '7d1c0a52-3e4b-4f6a-9b8c-1d2e3f4a5b6c',
  other: 'e3a1b2c4-5d6e-4f70-8a9b-0c1d2e3f4a5b',
  chargeback: '2b4d6f80-1a3c-4e5f-8a7b-9c0d1e2f3a4b',
} as const;

export const buyerDispute: DisputeOpened = {
  disputeId: disputeIds.dispute,
  orderId: ids.order,
  buyerId: ids.buyer,
  paymentId: ids.payment,
  kind: 'buyer',
  lines: [{ productId: ids.scarf, sellerId: ids.seller, amount: placedOrder.lines[0].lineTotal }],
  reason: 'damaged',
  description: 'The scarf arrived torn.',
  openedAt: at(10),
};

export const chargebackCase: DisputeOpened = {
  ...buyerDispute,
  disputeId: disputeIds.other,
  kind: 'chargeback',
  lines: placedOrder.lines.map((line) => ({ productId: line.productId, sellerId: line.sellerId, amount: line.lineTotal })),
  reason: 'chargeback',
  description: 'stripe chargeback: fraudulent',
  chargebackId: disputeIds.chargeback,
};
