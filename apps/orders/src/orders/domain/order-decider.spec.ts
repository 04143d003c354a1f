import { deciderSpecification } from '@marketplace/event-store';
import { at, ids, placedOrder } from '../../../test/fixtures/order-fixtures';
import { orderDecider } from './order-decider';
import {
  LinesAlreadyShippedError,
  NotYourLinesError,
  OrderAlreadyCancelledError,
  OrderNotCancellableError,
  OrderNotDeliverableError,
  OrderNotFoundError,
  OrderNotShippableError,
} from './order-errors';
import type { OrderEvent } from './order-events';

const spec = deciderSpecification(orderDecider);
const { order: orderId, buyer: buyerId, payment: paymentId } = ids;

const placed: OrderEvent = { type: 'OrderPlaced', data: placedOrder };
const reserved: OrderEvent = { type: 'OrderStockReserved', data: { orderId, reservedAt: at(1) } };
const requested: OrderEvent = {
  type: 'OrderPaymentRequested',
  data: { orderId, paymentId, buyerId, amount: placedOrder.total, paymentMethod: 'pm_card_visa', requestedAt: at(1) },
};
const confirmed: OrderEvent = { type: 'OrderConfirmed', data: { orderId, buyerId, paymentId, confirmedAt: at(2) } };
const shipped = (productId: string, sellerId: string, quantity: number): OrderEvent => ({
  type: 'OrderLineShipped',
  data: { orderId, sellerId, productId, quantity, carrier: 'DHL', trackingNumber: 'JD0146', shippedAt: at(3) },
});
const scarfShipped = shipped(ids.scarf, ids.seller, 2);
const mittensShipped = shipped(ids.mittens, ids.otherSeller, 1);
const paid = [placed, reserved, requested, confirmed];
const ship = (sellerId: string, productIds?: string[]) =>
  ({ type: 'ShipLines', sellerId, productIds, carrier: 'DHL', trackingNumber: 'JD0146', at: at(3) }) as const;

describe('Order decider', () => {
  describe('placing', () => {
    it('records the order as placed', () => spec.given([]).when({ type: 'PlaceOrder', order: placedOrder }).then([placed]));
    it('does nothing when the same order is placed again (a retried request)', () =>
      spec.given([placed]).when({ type: 'PlaceOrder', order: placedOrder }).then([]));
  });

  describe('checkout steps', () => {
    it('records the reservation and requests payment of the total', () =>
      spec.given([placed]).when({ type: 'RequestPayment', paymentId, at: at(1) }).then([reserved, requested]));
    it('requests payment only once', () => spec.given([placed, reserved, requested]).when({ type: 'RequestPayment', paymentId, at: at(5) }).then([]));
    it('confirms when the requested payment is captured', () =>
      spec.given([placed, reserved, requested]).when({ type: 'ConfirmOrder', paymentId, at: at(2) }).then([confirmed]));
    it('confirms nothing for another payment, twice, or after a cancellation', () => {
      spec.given([placed, reserved, requested]).when({ type: 'ConfirmOrder', paymentId: ids.refund, at: at(2) }).then([]);
      spec.given(paid).when({ type: 'ConfirmOrder', paymentId, at: at(2) }).then([]);
      const cancelled: OrderEvent = { type: 'OrderCancelled', data: { orderId, buyerId, reason: 'payment_timeout', paymentId, cancelledAt: at(2) } };
      spec.given([placed, reserved, requested, cancelled]).when({ type: 'ConfirmOrder', paymentId, at: at(3) }).then([]);
    });
  });

  describe('cancelling', () => {
    it('cancels for the checkout while unpaid, naming the payment when one was requested', () => {
      spec
        .given([placed])
        .when({ type: 'CancelByCheckout', reason: 'out_of_stock', detail: 'no stock', at: at(1) })
        .then([{ type: 'OrderCancelled', data: { orderId, buyerId, reason: 'out_of_stock', detail: 'no stock', cancelledAt: at(1) } }]);
      spec
        .given([placed, reserved, requested])
        .when({ type: 'CancelByCheckout', reason: 'payment_timeout', at: at(15) })
        .then([{ type: 'OrderCancelled', data: { orderId, buyerId, reason: 'payment_timeout', paymentId, cancelledAt: at(15) } }]);
    });
    it('ignores a late checkout cancellation of a paid or cancelled order', () => {
      spec.given(paid).when({ type: 'CancelByCheckout', reason: 'payment_timeout', at: at(15) }).then([]);
      spec.given([]).when({ type: 'CancelByCheckout', reason: 'payment_failed', at: at(15) }).then([]);
    });
    it('lets the buyer cancel a paid order before it ships (payments then refunds it)', () =>
      spec
        .given(paid)
        .when({ type: 'CancelOrder', by: { kind: 'buyer', userId: buyerId }, at: at(4) })
        .then([{ type: 'OrderCancelled', data: { orderId, buyerId, reason: 'by_buyer', paymentId, cancelledBy: buyerId, cancelledAt: at(4) } }]));
    it('records an admin cancellation as by_admin', () =>
      spec
        .given([placed])
        .when({ type: 'CancelOrder', by: { kind: 'admin', userId: ids.admin }, detail: 'fraud', at: at(4) })
        .then([{ type: 'OrderCancelled', data: { orderId, buyerId, reason: 'by_admin', detail: 'fraud', cancelledBy: ids.admin, cancelledAt: at(4) } }]));
    it('refuses once a line has shipped, a second time, and for an unknown order', () => {
      const cancel = { type: 'CancelOrder', by: { kind: 'buyer', userId: buyerId }, at: at(4) } as const;
      spec.given([...paid, scarfShipped]).when(cancel).then(OrderNotCancellableError);
      spec.given([placed, { type: 'OrderCancelled', data: { orderId, buyerId, reason: 'by_buyer', cancelledAt: at(1) } }]).when(cancel).then(OrderAlreadyCancelledError);
      spec.given([]).when(cancel).then(OrderNotFoundError);
    });
  });

  describe('shipping', () => {
    it("ships all the seller's unshipped lines when none are named", () => spec.given(paid).when(ship(ids.seller)).then([scarfShipped]));
    it('ships a named line of the seller', () => spec.given(paid).when(ship(ids.otherSeller, [ids.mittens])).then([mittensShipped]));
    it('refuses before payment, after cancellation, and hides the order from a seller without lines in it', () => {
      spec.given([placed, reserved, requested]).when(ship(ids.seller)).then(OrderNotShippableError);
      const cancelled: OrderEvent = { type: 'OrderCancelled', data: { orderId, buyerId, reason: 'by_buyer', paymentId, cancelledAt: at(3) } };
      spec.given([...paid, cancelled]).when(ship(ids.seller)).then(OrderNotShippableError);
      spec.given([]).when(ship(ids.seller)).then(OrderNotFoundError);
      spec.given(paid).when(ship(ids.admin)).then(OrderNotFoundError);
    });
    it("refuses another seller's line and a line shipped already", () => {
      spec.given(paid).when(ship(ids.seller, [ids.mittens])).then(NotYourLinesError);
      spec.given([...paid, scarfShipped]).when(ship(ids.seller, [ids.scarf])).then(LinesAlreadyShippedError);
      spec.given([...paid, scarfShipped]).when(ship(ids.seller)).then(LinesAlreadyShippedError);
    });
  });

  describe('delivery', () => {
    const delivered: OrderEvent = { type: 'OrderDelivered', data: { orderId, buyerId, productIds: [ids.scarf, ids.mittens], deliveredAt: at(9) } };
    it('is confirmed once every line shipped, by the buyer or the system', () => {
      spec.given([...paid, scarfShipped, mittensShipped]).when({ type: 'ConfirmDelivery', by: { kind: 'buyer', userId: buyerId }, at: at(9) }).then([delivered]);
      spec.given([...paid, scarfShipped, mittensShipped]).when({ type: 'ConfirmDelivery', by: { kind: 'system' }, at: at(9) }).then([delivered]);
    });
    it('tells the buyer why not yet; the system timer does nothing', () => {
      spec.given([...paid, scarfShipped]).when({ type: 'ConfirmDelivery', by: { kind: 'buyer', userId: buyerId }, at: at(9) }).then(OrderNotDeliverableError);
      spec.given([...paid, scarfShipped, mittensShipped, delivered]).when({ type: 'ConfirmDelivery', by: { kind: 'system' }, at: at(9) }).then([]);
    });
  });

  describe('refunds', () => {
    const refund = (refundId: string, amount: number) =>
      ({ type: 'RecordRefund', refundId, paymentId, amount: { amount, currency: 'EUR' }, at: at(6) }) as const;
    const refunded = (refundId: string, amount: number): OrderEvent => ({
      type: 'OrderRefunded',
      data: { orderId, buyerId, paymentId, refundId, amount: { amount, currency: 'EUR' }, refundedAt: at(6) },
    });
    it('records each refund once', () => {
      spec.given(paid).when(refund(ids.refund, 1000)).then([refunded(ids.refund, 1000)]);
      spec.given([...paid, refunded(ids.refund, 1000)]).when(refund(ids.refund, 1000)).then([]);
    });
    it('marks an order refunded in full as refunded, a cancelled one stays cancelled', () => {
      const state = [...paid, refunded(ids.refund, 11950)].reduce(orderDecider.evolve, orderDecider.initialState());
      expect(state.status).toBe('refunded');
      const cancelled: OrderEvent = { type: 'OrderCancelled', data: { orderId, buyerId, reason: 'by_buyer', paymentId, cancelledAt: at(5) } };
      const afterCancel = [...paid, cancelled, refunded(ids.refund, 11950)].reduce(orderDecider.evolve, orderDecider.initialState());
      expect(afterCancel.status).toBe('cancelled');
    });
  });
});
