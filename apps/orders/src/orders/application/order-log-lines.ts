import { formatMoney } from '@marketplace/contracts';
import type { OrderEvent } from '../domain/order-events';

export interface LogLine {
  msg: string;
  fields: Record<string, unknown>;
}

/**
 * The info lines of an order's steps, so that a person can follow a checkout in the console: placed,
 * payment requested, confirmed or cancelled, shipped, delivered, refunded. A seller's shipment of
 * several lines is one line. Steps only the process needs (stock reserved, dispute holds) say nothing.
 */
export function orderLogLines(events: readonly OrderEvent[]): LogLine[] {
  const lines: LogLine[] = [];
  const shipped = events.flatMap((event) => (event.type === 'OrderLineShipped' ? [event.data] : []));
  if (shipped.length > 0) {
    const { orderId, sellerId, carrier, trackingNumber } = shipped[0];
    lines.push({ msg: `order shipped: ${shipped.length} line(s)${carrier ? ` by ${carrier}` : ''}`, fields: { orderId, sellerId, trackingNumber } });
  }
  for (const event of events) {
    const line = stepLine(event);
    if (line) lines.push(line);
  }
  return lines;
}

function stepLine(event: OrderEvent): LogLine | undefined {
  switch (event.type) {
    case 'OrderPlaced': {
      const { orderId, buyerId, lines, total } = event.data;
      const items = lines.reduce((sum, line) => sum + line.quantity, 0);
      return { msg: `order placed: ${items} item(s), total ${formatMoney(total)}`, fields: { orderId, buyerId } };
    }
    case 'OrderPaymentRequested':
      return { msg: `order payment requested: ${formatMoney(event.data.amount)}`, fields: { orderId: event.data.orderId, paymentId: event.data.paymentId } };
    case 'OrderConfirmed':
      return { msg: 'order confirmed: paid, stock committed', fields: { orderId: event.data.orderId } };
    case 'OrderCancelled':
      return { msg: `order cancelled: ${event.data.reason.replace(/_/g, ' ')}`, fields: { orderId: event.data.orderId, ...(event.data.detail && { detail: event.data.detail }) } };
    case 'OrderDelivered':
      return { msg: 'order delivered', fields: { orderId: event.data.orderId } };
    case 'OrderRefunded':
      return { msg: `order refunded: ${formatMoney(event.data.amount)}`, fields: { orderId: event.data.orderId, refundId: event.data.refundId } };
    default:
      return undefined;
  }
}
