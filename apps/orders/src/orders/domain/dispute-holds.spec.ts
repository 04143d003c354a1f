import { deciderSpecification } from '@marketplace/event-store';
import { at, ids, placedOrder } from '../../../test/fixtures/order-fixtures';
import { DisputeWindowClosedError, LinesAlreadyDisputedError, LinesNotInOrderError, LinesNotShippedError } from './dispute-eligibility-errors';
import { orderDecider } from './order-decider';
import { OrderNotFoundError } from './order-errors';
import type { OrderEvent } from './order-events';

const spec = deciderSpecification(orderDecider);
const { order: orderId, buyer: buyerId, payment: paymentId } = ids;
const DAY = 86_400_000;
const windowMs = 14 * DAY;
const dispute = '7d1c0a52-3e4b-4f6a-9b8c-1d2e3f4a5b6c';
const other = 'e3a1b2c4-5d6e-4f70-8a9b-0c1d2e3f4a5b';
const later = (ms: number) => new Date(Date.parse(at(10)) + ms).toISOString();

const paid: OrderEvent[] = [
  { type: 'OrderPlaced', data: placedOrder },
  { type: 'OrderStockReserved', data: { orderId, reservedAt: at(1) } },
  { type: 'OrderPaymentRequested', data: { orderId, paymentId, buyerId, amount: placedOrder.total, paymentMethod: 'pm_card_visa', requestedAt: at(1) } },
  { type: 'OrderConfirmed', data: { orderId, buyerId, paymentId, confirmedAt: at(2) } },
];
const scarfShipped: OrderEvent = { type: 'OrderLineShipped', data: { orderId, sellerId: ids.seller, productId: ids.scarf, quantity: 2, carrier: 'DHL', trackingNumber: 'JD1', shippedAt: at(3) } };
const mittensShipped: OrderEvent = { type: 'OrderLineShipped', data: { orderId, sellerId: ids.otherSeller, productId: ids.mittens, quantity: 1, carrier: 'DHL', trackingNumber: 'JD2', shippedAt: at(3) } };
const delivered: OrderEvent = { type: 'OrderDelivered', data: { orderId, buyerId, productIds: [ids.scarf, ids.mittens], deliveredAt: at(10) } };
const hold = (productIds: string[], when = at(11), by: 'buyer' | 'chargeback' = 'buyer', disputeId = dispute) =>
  ({ type: 'HoldLinesForDispute', disputeId, by, productIds, windowMs, at: when }) as const;
const held = (productIds: string[], when = at(11), disputeId = dispute): OrderEvent => ({ type: 'OrderLinesDisputed', data: { orderId, disputeId, productIds, disputedAt: when } });
const windowClosed: OrderEvent = { type: 'OrderDisputeWindowClosed', data: { orderId, buyerId, closedAt: later(windowMs) } };

describe('Order: dispute holds and the dispute window', () => {
  it('holds a shipped line that is not yet delivered (not received)', () => spec.given([...paid, scarfShipped]).when(hold([ids.scarf])).then([held([ids.scarf])]));
  it('holds delivered lines within the window', () => spec.given([...paid, scarfShipped, mittensShipped, delivered]).when(hold([ids.scarf], later(windowMs - 1))).then([held([ids.scarf], later(windowMs - 1))]));
  it('refuses after the window, and once it was closed', () => {
    spec.given([...paid, scarfShipped, mittensShipped, delivered]).when(hold([ids.scarf], later(windowMs))).then(DisputeWindowClosedError);
    spec.given([...paid, scarfShipped, mittensShipped, delivered, windowClosed]).when(hold([ids.scarf], later(1))).then(DisputeWindowClosedError);
  });
  it('refuses lines not shipped, and lines not in the order', () => {
    spec.given([...paid, scarfShipped]).when(hold([ids.scarf, ids.mittens])).then(LinesNotShippedError);
    spec.given([...paid, scarfShipped]).when(hold([ids.refund])).then(LinesNotInOrderError);
  });
  it('keeps a line in one open dispute at a time, and frees it when the dispute ends', () => {
    const released: OrderEvent = { type: 'OrderDisputeHoldReleased', data: { orderId, disputeId: dispute, releasedAt: at(20) } };
    spec.given([...paid, scarfShipped, held([ids.scarf])]).when(hold([ids.scarf], at(12), 'buyer', other)).then(LinesAlreadyDisputedError);
    spec.given([...paid, scarfShipped, held([ids.scarf]), released]).when(hold([ids.scarf], at(21), 'buyer', other)).then([held([ids.scarf], at(21), other)]);
  });
  it('holds the same dispute once (a retried request)', () => spec.given([...paid, scarfShipped, held([ids.scarf])]).when(hold([ids.scarf], at(12))).then([]));
  it('refuses an unknown order to a buyer, and does nothing for a chargeback', () => {
    spec.given([]).when(hold([ids.scarf])).then(OrderNotFoundError);
    spec.given([]).when(hold([ids.scarf], at(11), 'chargeback')).then([]);
  });
  it('holds every line for a chargeback, shipped or not, whatever the window', () =>
    spec.given([...paid, held([ids.scarf], at(5), other)]).when(hold([ids.scarf, ids.mittens], at(11), 'chargeback')).then([held([ids.scarf, ids.mittens])]));
  it('releases only a dispute that holds lines', () => {
    spec.given([...paid, scarfShipped, held([ids.scarf])]).when({ type: 'ReleaseDisputeHold', disputeId: dispute, at: at(20) }).then([{ type: 'OrderDisputeHoldReleased', data: { orderId, disputeId: dispute, releasedAt: at(20) } }]);
    spec.given([...paid, scarfShipped]).when({ type: 'ReleaseDisputeHold', disputeId: dispute, at: at(20) }).then([]);
  });
  it('closes the window once, when it has run out after delivery', () => {
    const close = (when: string) => ({ type: 'CloseDisputeWindow', windowMs, at: when }) as const;
    const deliveredOrder = [...paid, scarfShipped, mittensShipped, delivered];
    spec.given(deliveredOrder).when(close(later(windowMs))).then([windowClosed]);
    spec.given(deliveredOrder).when(close(later(windowMs - 1))).then([]);
    spec.given([...deliveredOrder, windowClosed]).when(close(later(windowMs + 5))).then([]);
    spec.given([...paid, scarfShipped, mittensShipped]).when(close(later(windowMs))).then([]);
  });
});
