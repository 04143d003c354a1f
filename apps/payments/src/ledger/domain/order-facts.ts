import type { DisputeOpened, DisputeResolved, OrderDisputeWindowClosed, OrderPlaced } from '@marketplace/contracts';
import type { OrderLedgerEvent } from './ledger-events';

/** A fact from orders.order.v1 to record, with a key unique in its order's ledger stream (its event id derives from it). */
export interface OrderFact {
  orderId: string;
  key: string;
  event: OrderLedgerEvent;
}

export type OrderMessage =
  | { type: 'OrderPlaced'; data: OrderPlaced }
  | { type: 'DisputeOpened'; data: DisputeOpened }
  | { type: 'DisputeResolved'; data: DisputeResolved }
  | { type: 'OrderDisputeWindowClosed'; data: OrderDisputeWindowClosed };

/**
 * What the ledger keeps of an orders message. The commission rate of each line is fixed here, from
 * `rateOf` (the configured rate). A chargeback's case is not recorded: ChargebackOpened holds the order.
 */
export function orderFactOf(message: OrderMessage, rateOf: (productId: string) => number): OrderFact | undefined {
  switch (message.type) {
    case 'OrderPlaced': {
      const { orderId, total, lines, shipping, tax, placedAt } = message.data;
      const facts = lines.map(({ productId, sellerId, lineTotal }) => ({ productId, sellerId, lineTotal: lineTotal.amount, commissionRateBps: rateOf(productId) }));
      const data = { orderId, currency: total.currency, lines: facts, shipping: shipping.amount, tax: tax.amount, recordedAt: placedAt };
      return { orderId, key: 'LedgerOrderRecorded', event: { type: 'LedgerOrderRecorded', data } };
    }
    case 'DisputeOpened': {
      const { orderId, disputeId, paymentId, kind, lines, openedAt } = message.data;
      if (kind !== 'buyer') return undefined;
      const data = { orderId, disputeId, paymentId, productIds: lines.map((line) => line.productId), openedAt };
      return { orderId, key: `LedgerDisputeOpened:${disputeId}`, event: { type: 'LedgerDisputeOpened', data } };
    }
    case 'DisputeResolved': {
      const { orderId, disputeId, outcome, resolvedAt } = message.data;
      return { orderId, key: `LedgerDisputeResolved:${disputeId}`, event: { type: 'LedgerDisputeResolved', data: { orderId, disputeId, outcome, resolvedAt } } };
    }
    case 'OrderDisputeWindowClosed': {
      const { orderId, closedAt } = message.data;
      return { orderId, key: 'LedgerDisputeWindowClosed', event: { type: 'LedgerDisputeWindowClosed', data: { orderId, closedAt } } };
    }
  }
}
