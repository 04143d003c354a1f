import type { ChargebackClosed, ChargebackOpened, PaymentCaptured, RefundIssued } from '@marketplace/contracts';

/*
 * What the ledger learns from orders.order.v1, kept as private events of the stream
 * `ledger-order-<orderId>` in payments' own event store: the ledger is then a projection of one ordered
 * log, which a rebuild replays to the same entries. The commission rate is fixed when the order is
 * recorded, so a later change of COMMISSION_RATE does not rewrite past sales.
 */

export interface LedgerLineFacts {
  productId: string;
  sellerId: string;
  /** Minor units of the order's currency. */
  lineTotal: number;
  commissionRateBps: number;
}

/** From OrderPlaced: who sells what; shipping and tax are the marketplace's. */
export interface LedgerOrderRecorded {
  orderId: string;
  currency: string;
  lines: LedgerLineFacts[];
  shipping: number;
  tax: number;
  recordedAt: string;
}

/** From DisputeOpened (a buyer's dispute; a chargeback's case is held by ChargebackOpened itself). */
export interface LedgerDisputeOpened {
  orderId: string;
  disputeId: string;
  paymentId: string;
  productIds: string[];
  openedAt: string;
}

export interface LedgerDisputeResolved {
  orderId: string;
  disputeId: string;
  outcome: 'refunded' | 'rejected' | 'closed';
  resolvedAt: string;
}

export interface LedgerDisputeWindowClosed {
  orderId: string;
  closedAt: string;
}

/** The stored events one order's ledger folds: its own, and its payment's that move money. */
export type OrderLedgerEvent =
  | { type: 'LedgerOrderRecorded'; data: LedgerOrderRecorded }
  | { type: 'LedgerDisputeOpened'; data: LedgerDisputeOpened }
  | { type: 'LedgerDisputeResolved'; data: LedgerDisputeResolved }
  | { type: 'LedgerDisputeWindowClosed'; data: LedgerDisputeWindowClosed }
  | { type: 'PaymentCaptured'; data: PaymentCaptured }
  | { type: 'RefundIssued'; data: RefundIssued }
  | { type: 'ChargebackOpened'; data: ChargebackOpened }
  | { type: 'ChargebackClosed'; data: ChargebackClosed };

export const ORDER_LEDGER_EVENT_TYPES: readonly OrderLedgerEvent['type'][] = [
  'LedgerOrderRecorded',
  'LedgerDisputeOpened',
  'LedgerDisputeResolved',
  'LedgerDisputeWindowClosed',
  'PaymentCaptured',
  'RefundIssued',
  'ChargebackOpened',
  'ChargebackClosed',
];

export const LEDGER_ORDER_STREAM_PREFIX = 'ledger-order-';

export function ledgerOrderStream(orderId: string): string {
  return `${LEDGER_ORDER_STREAM_PREFIX}${orderId}`;
}
