import { randomUUID } from 'node:crypto';
import { waitFor } from '@marketplace/testing';
import { confirmedOrder } from './fixtures/checkout-events';
import type { Caller, OrdersTestApp } from './orders-app';

/** A paid order of two lines (two sellers), both shipped, and the ways the disputes' tests act on it. */
export function disputeScenes(app: OrdersTestApp) {
  const shippedOrder = async (buyer: Caller, seller: Caller, otherSeller: Caller, options: { shipOther?: boolean } = {}) => {
    const scarf = await app.listedProduct({ sellerId: seller.id, price: 4500 });
    const mittens = await app.listedProduct({ sellerId: otherSeller.id, price: 2950 });
    const order = await confirmedOrder(app, buyer, [{ productId: scarf.productId, quantity: 2 }, { productId: mittens.productId, quantity: 1 }]);
    await app.call('POST', `/seller/orders/${order.orderId}/ship`, { as: seller, body: { carrier: 'DHL', trackingNumber: 'JD1' } });
    if (options.shipOther !== false) await app.call('POST', `/seller/orders/${order.orderId}/ship`, { as: otherSeller, body: { carrier: 'UPS', trackingNumber: '1Z9' } });
    return { ...order, scarf: scarf.productId, mittens: mittens.productId };
  };
  const open = (as: Caller, orderId: string, body: object, key?: string) =>
    app.call('POST', `/orders/${orderId}/disputes`, { as, body, headers: key ? { 'idempotency-key': key } : {} });
  const respond = (as: Caller, disputeId: string, message: string) => app.call('POST', `/disputes/${disputeId}/responses`, { as, body: { message } });
  const resolve = (as: Caller, disputeId: string, body: object) => app.call('POST', `/admin/disputes/${disputeId}/resolve`, { as, body });
  const listed = (as: Caller, disputeId: string, status: string, query = '') =>
    waitFor(
      async () => {
        const page = await app.call('GET', `/disputes${query}`, { as });
        return page.body.items?.find((item: { disputeId: string; status: string }) => item.disputeId === disputeId && item.status === status);
      },
      { timeoutMs: 30_000, description: `dispute ${disputeId} ${status} in the list` },
    );
  const newKey = () => randomUUID();
  return { shippedOrder, open, respond, resolve, listed, newKey };
}
