import { at, ids, placedOrder } from '../../../test/fixtures/order-fixtures';
import { evolveOrderFacts, type OrderFacts } from './order-facts';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

const fold = (events: { type: string; data: unknown }[]): OrderFacts | undefined => events.reduce<OrderFacts | undefined>(evolveOrderFacts, undefined);

const placed = { type: 'OrderPlaced', data: placedOrder };
const reserved = { type: 'OrderStockReserved', data: { orderId: ids.order, reservedAt: at(1) } };
const confirmed = { type: 'OrderConfirmed', data: { orderId: ids.order, buyerId: ids.buyer, paymentId: ids.payment, confirmedAt: at(3) } };

describe('order facts: one row per order, from its events', () => {
  it('keeps the placement, the currency, the total and each line with its seller and price snapshot', () => {
    expect(fold([placed])).toMatchObject({
      order_id: ids.order,
      buyer_id: ids.buyer,
      status: 'placed',
      currency: 'EUR',
      total: 11950,
      refunded: 0,
      placed_at: at(0),
      confirmed_at: null,
      lines: [
        { product_id: ids.scarf, seller_id: ids.seller, title: 'Merino scarf', quantity: 2, line_total: 9000 },
        { product_id: ids.mittens, seller_id: ids.otherSeller, title: 'Alpaca mittens', quantity: 1, line_total: 2950 },
      ],
    });
  });

  it('has no row for an order whose placement it has not seen', () => {
    expect(fold([reserved, confirmed])).toBeUndefined();
  });

  it('follows the status with the aggregate and keeps the confirmation and delivery times', () => {
    const shipped = (productId: string) => ({ type: 'OrderLineShipped', data: { orderId: ids.order, buyerId: ids.buyer, sellerId: ids.seller, productId, shippedAt: at(5) } });
    expect(fold([placed, reserved, confirmed])).toMatchObject({ status: 'confirmed', confirmed_at: at(3) });
    expect(fold([placed, reserved, confirmed, shipped(ids.scarf)])).toMatchObject({ status: 'partially_shipped' });
    const delivered = { type: 'OrderDelivered', data: { orderId: ids.order, buyerId: ids.buyer, productIds: [ids.scarf, ids.mittens], deliveredAt: at(9) } };
    expect(fold([placed, reserved, confirmed, shipped(ids.scarf), shipped(ids.mittens), delivered])).toMatchObject({ status: 'delivered', confirmed_at: at(3), delivered_at: at(9) });
  });

  it('keeps the reason and time of a cancellation, and a confirmed order stays confirmed in time when cancelled and refunded', () => {
    const cancelled = { type: 'OrderCancelled', data: { orderId: ids.order, buyerId: ids.buyer, reason: 'by_buyer', paymentId: ids.payment, cancelledBy: ids.buyer, cancelledAt: at(4) } };
    const refunded = { type: 'OrderRefunded', data: { orderId: ids.order, buyerId: ids.buyer, paymentId: ids.payment, refundId: ids.refund, amount: eur(11950), refundedAt: at(6) } };
    expect(fold([placed, reserved, confirmed, cancelled, refunded])).toMatchObject({
      status: 'cancelled',
      cancel_reason: 'by_buyer',
      cancelled_at: at(4),
      confirmed_at: at(3),
      refunded: 11950,
    });
  });

  it('marks an order refunded in full as refunded', () => {
    const refunded = { type: 'OrderRefunded', data: { orderId: ids.order, buyerId: ids.buyer, paymentId: ids.payment, refundId: ids.refund, amount: eur(11950), refundedAt: at(6) } };
    expect(fold([placed, reserved, confirmed, refunded])).toMatchObject({ status: 'refunded', refunded: 11950, cancel_reason: null });
  });
});
