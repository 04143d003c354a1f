import type { RecordedEvent } from '@marketplace/event-store';
import type { JsonRow } from '@marketplace/projections';
import type { OrderEvent } from '../../orders/domain/order-events';
import { type ActiveOrder, evolveOrder, initialOrderState, refundedAmount } from '../../orders/domain/order-state';

/** What the sales figures need of one line: its product, seller and price snapshot. */
export interface LineFacts extends JsonRow {
  product_id: string;
  seller_id: string;
  title: string;
  quantity: number;
  line_total: number;
}

/**
 * One order as the analytics read it (times as ISO strings). `state` is the order folded with the
 * aggregate's own `evolveOrder`, so the status here is exactly the order's.
 */
export interface OrderFacts extends JsonRow {
  order_id: string;
  buyer_id: string;
  status: string;
  currency: string;
  total: number;
  refunded: number;
  lines: LineFacts[];
  cancel_reason: string | null;
  placed_at: string;
  confirmed_at: string | null;
  delivered_at: string | null;
  cancelled_at: string | null;
  state: JsonRow;
}

/** The facts of the order's stream after one more of its events; undefined while the order does not exist. */
export function evolveOrderFacts(row: OrderFacts | undefined, event: Pick<RecordedEvent, 'type' | 'data'>): OrderFacts | undefined {
  const before = row ? (row.state as unknown as ActiveOrder) : initialOrderState();
  const state = evolveOrder(before, { type: event.type, data: event.data } as OrderEvent);
  return state.status === 'none' ? row : orderFacts(state);
}

export function orderFacts(state: ActiveOrder): OrderFacts {
  const { order } = state;
  return {
    order_id: order.orderId,
    buyer_id: order.buyerId,
    status: state.status,
    currency: order.total.currency,
    total: order.total.amount,
    refunded: refundedAmount(state),
    lines: order.lines.map((line) => ({ product_id: line.productId, seller_id: line.sellerId, title: line.title, quantity: line.quantity, line_total: line.lineTotal.amount })),
    cancel_reason: state.cancellation?.reason ?? null,
    placed_at: order.placedAt,
    confirmed_at: state.confirmedAt ?? null,
    delivered_at: state.deliveredAt ?? null,
    cancelled_at: state.cancellation?.cancelledAt ?? null,
    // Through JSON: the state is plain data, and undefined fields must not reach the row.
    state: JSON.parse(JSON.stringify(state)) as JsonRow,
  };
}
