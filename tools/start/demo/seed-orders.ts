import { ApiError, type ApiClient, errorCode } from './api-client';
import { eventually, mapLimit } from './concurrency';
import type { DemoOrder, DemoOrderTarget } from './order-plan';
import type { Session } from './seed-accounts';
import { stableHash } from './slug';

export interface OrderContext {
  api: ApiClient;
  buyers: readonly Session[];
  sellers: readonly Session[];
  productIds: ReadonlyMap<string, string>;
  /** Product slug -> index of its seller. */
  sellerOf: ReadonlyMap<string, number>;
}

/** Where checkout leaves an order of each target before the seed's own steps (ship, deliver). */
const SETTLED: Record<DemoOrderTarget, string[]> = {
  delivered: ['confirmed', 'partially_shipped', 'shipped', 'delivered'],
  shipped: ['confirmed', 'partially_shipped', 'shipped'],
  confirmed: ['confirmed'],
  awaiting_payment: ['payment_requested'],
  cancelled: ['cancelled'],
};

const ADDRESSES = [
  { recipientName: '', line1: 'Torstraße 101', city: 'Berlin', postalCode: '10119', country: 'DE' },
  { recipientName: '', line1: '12 rue Oberkampf', city: 'Paris', postalCode: '75011', country: 'FR' },
  { recipientName: '', line1: '221 Baker Street', city: 'London', postalCode: 'NW1 6XE', country: 'GB' },
];

/** Places the demo orders through checkout and takes each to its target state; returns order ids by key. */
export async function seedOrders(context: OrderContext, orders: readonly DemoOrder[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  await mapLimit(orders, 4, async (order) => {
    const orderId = await place(context, order);
    await settle(context, order, orderId);
    ids.set(order.key, orderId);
  });
  return ids;
}

/**
 * POST /orders with an Idempotency-Key per attempt: orders learns of new products from catalog's
 * events a moment after they are published, and answers `product_not_available` (recorded for that
 * key) until then. A resumed seed replays the same keys and gets the same first answers.
 */
async function place({ api, buyers, productIds }: OrderContext, order: DemoOrder): Promise<string> {
  const buyer = buyers[order.buyer];
  const address = { ...ADDRESSES[order.buyer % ADDRESSES.length], recipientName: buyer.email.split('@')[0] };
  const body = { items: order.products.map((slug) => ({ productId: productIds.get(slug), quantity: 1 })), shippingAddress: address, paymentMethod: order.paymentMethod };
  for (let attempt = 1; attempt <= 100; attempt++) {
    const answer = await api.request<{ orderId: string }>('/orders', { json: body, token: buyer.token, headers: { 'idempotency-key': `${order.key}/${attempt}` } });
    if (answer.status === 202) return answer.body.orderId;
    if (errorCode(answer) !== 'product_not_available') throw new ApiError(`place order ${order.key}`, answer);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`orders did not learn of the products of ${order.key}`);
}

async function settle(context: OrderContext, order: DemoOrder, orderId: string): Promise<void> {
  const { api, buyers, sellers, sellerOf } = context;
  const buyer = buyers[order.buyer];
  let status = await statusOf(api, buyer, orderId, SETTLED[order.target], order.key);
  if ((order.target === 'shipped' || order.target === 'delivered') && (status === 'confirmed' || status === 'partially_shipped')) {
    const shippers = [...new Set(order.products.map((slug) => sellerOf.get(slug) ?? 0))];
    for (const seller of shippers) {
      const body = { carrier: 'DHL', trackingNumber: `DEMO${stableHash(`${orderId}/${seller}`).toString().padStart(10, '0')}` };
      const answer = await api.request(`/seller/orders/${orderId}/ship`, { json: body, token: sellers[seller].token });
      // Shipped by an earlier, interrupted seed.
      if (answer.status !== 200 && errorCode(answer) !== 'line_already_shipped') throw new ApiError(`ship ${order.key}`, answer);
    }
    status = await statusOf(api, buyer, orderId, ['shipped'], order.key);
  }
  if (order.target === 'delivered' && status === 'shipped') {
    await api.expect(200, `confirm delivery of ${order.key}`, `/orders/${orderId}/confirm-delivery`, { json: {}, token: buyer.token });
  }
}

/** Waits until the order's status is one of `wanted` (checkout runs through several services). */
function statusOf(api: ApiClient, buyer: Session, orderId: string, wanted: string[], key: string): Promise<string> {
  return eventually(`order ${key} to be ${wanted.join(' or ')}`, async () => {
    const order = await api.expect<{ status: string }>(200, `GET order ${key}`, `/orders/${orderId}`, { token: buyer.token });
    if (order.status === 'cancelled' && !wanted.includes('cancelled')) throw new Error(`order ${key} was cancelled`);
    return wanted.includes(order.status) ? order.status : undefined;
  });
}
