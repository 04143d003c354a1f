import type { CancellationReason, Money, OrderPlaced } from '@marketplace/contracts';
import type { OrderEvent } from './order-events';

export const ORDER_STATUSES = [
  'placed',
  'stock_reserved',
  'payment_requested',
  'confirmed',
  'partially_shipped',
  'shipped',
  'delivered',
  'cancelled',
  'refunded',
] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface Shipment {
  carrier?: string;
  trackingNumber?: string;
  shippedAt: string;
}

export interface Cancellation {
  reason: CancellationReason;
  detail?: string;
  cancelledBy?: string;
  cancelledAt: string;
}

/** An order that exists: what was placed, and what happened since. */
export interface ActiveOrder {
  status: OrderStatus;
  order: OrderPlaced;
  paymentId?: string;
  confirmedAt?: string;
  deliveredAt?: string;
  /** By product id. */
  shipments: Record<string, Shipment>;
  refunds: { refundId: string; amount: Money; refundedAt: string }[];
  cancellation?: Cancellation;
  /** The open disputes holding lines: product ids by dispute id (absent in states folded before disputes existed). */
  disputeHolds?: Record<string, string[]>;
  disputeWindowClosedAt?: string;
}

export type OrderState = { status: 'none' } | ActiveOrder;

export const initialOrderState = (): OrderState => ({ status: 'none' });

/** Statuses from which checkout may still cancel: nothing paid yet. */
export const AWAITING_CHECKOUT: readonly OrderStatus[] = ['placed', 'stock_reserved', 'payment_requested'];

export function refundedAmount(order: ActiveOrder): number {
  return order.refunds.reduce((sum, refund) => sum + refund.amount.amount, 0);
}

export function evolveOrder(state: OrderState, event: OrderEvent): OrderState {
  if (event.type === 'OrderPlaced') return { status: 'placed', order: event.data, shipments: {}, refunds: [] };
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'OrderStockReserved':
      return { ...state, status: 'stock_reserved' };
    case 'OrderPaymentRequested':
      return { ...state, status: 'payment_requested', paymentId: event.data.paymentId };
    case 'OrderConfirmed':
      return { ...state, status: 'confirmed', confirmedAt: event.data.confirmedAt };
    case 'OrderCancelled': {
      const { reason, detail, cancelledBy, cancelledAt } = event.data;
      return { ...state, status: 'cancelled', cancellation: { reason, detail, cancelledBy, cancelledAt } };
    }
    case 'OrderLineShipped': {
      const { productId, carrier, trackingNumber, shippedAt } = event.data;
      const shipments = { ...state.shipments, [productId]: { carrier, trackingNumber, shippedAt } };
      const allShipped = state.order.lines.every((line) => shipments[line.productId]);
      return { ...state, shipments, status: allShipped ? 'shipped' : 'partially_shipped' };
    }
    case 'OrderDelivered':
      return { ...state, status: 'delivered', deliveredAt: event.data.deliveredAt };
    case 'OrderRefunded': {
      const { refundId, amount, refundedAt } = event.data;
      const refunded = { ...state, refunds: [...state.refunds, { refundId, amount, refundedAt }] };
      // A cancelled order stays cancelled; any other one paid back in full is refunded.
      const fully = state.status !== 'cancelled' && refundedAmount(refunded) >= state.order.total.amount;
      return fully ? { ...refunded, status: 'refunded' } : refunded;
    }
    case 'OrderLinesDisputed':
      return { ...state, disputeHolds: { ...state.disputeHolds, [event.data.disputeId]: event.data.productIds } };
    case 'OrderDisputeHoldReleased': {
      const { [event.data.disputeId]: _released, ...holds } = state.disputeHolds ?? {};
      return { ...state, disputeHolds: holds };
    }
    case 'OrderDisputeWindowClosed':
      return { ...state, disputeWindowClosedAt: event.data.closedAt };
    default: {
      const unknown: never = event;
      throw new Error(`Unknown order event ${JSON.stringify(unknown)}`);
    }
  }
}
