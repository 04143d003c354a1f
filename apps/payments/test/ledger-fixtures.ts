import { createCloudEvent, type Money } from '@marketplace/contracts';
import { waitFor } from '@marketplace/testing';
import { randomUUID } from 'node:crypto';
import { call, type Caller } from './http';
import type { PaymentsTestApp } from './payments-app';

/*
 * Orders' messages for the ledger's integration tests, published on the service's bus as orders would,
 * and reads of the ledger through HTTP.
 */

const eur = (amount: number): Money => ({ amount, currency: 'EUR' });
const now = () => new Date().toISOString();

function ordersEvent(type: string, subject: string, data: object) {
  return createCloudEvent({ id: randomUUID(), time: now(), source: 'marketplace/orders', type: type as never, subject, data: data as never });
}

export interface PlacedOrder {
  orderId: string;
  paymentId: string;
  buyerId: string;
  lines: { productId: string; sellerId: string; lineTotal: number }[];
  total: number;
}

/** An order of these lines (one unit each; a new product unless named) plus shipping, its payment by pm_card_visa: placed, then paid. */
export async function placeAndPay(app: PaymentsTestApp, lines: [sellerId: string, lineTotal: number, productId?: string][], shipping = 0): Promise<PlacedOrder> {
  const [orderId, paymentId, buyerId] = [randomUUID(), randomUUID(), randomUUID()];
  const orderLines = lines.map(([sellerId, lineTotal, productId = randomUUID()]) => ({ productId, sellerId, title: 'A thing', quantity: 1, unitPrice: eur(lineTotal), lineTotal: eur(lineTotal) }));
  const subtotal = lines.reduce((sum, [, amount]) => sum + amount, 0);
  const total = subtotal + shipping;
  const shippingAddress = { recipientName: 'Ana Buyer', line1: '1 Main Street', city: 'Lisbon', postalCode: '1000-001', country: 'PT' };
  await app.publish([
    ordersEvent('marketplace.orders.OrderPlaced.v3', orderId, {
      orderId, buyerId, lines: orderLines, subtotal: eur(subtotal), shipping: eur(shipping), tax: eur(0), total: eur(total), shippingAddress, paymentMethod: 'pm_card_visa', placedAt: now(),
    }),
    ordersEvent('marketplace.orders.OrderPaymentRequested.v2', orderId, { paymentId, orderId, buyerId, amount: eur(total), paymentMethod: 'pm_card_visa', requestedAt: now() }),
  ]);
  await waitFor(async () => (await app.stream(paymentId)).some((event) => event.type === 'PaymentCaptured'), { description: 'the payment to be captured' });
  return { orderId, paymentId, buyerId, lines: orderLines.map(({ productId, sellerId, lineTotal }) => ({ productId, sellerId, lineTotal: lineTotal.amount })), total };
}

export const ordersMessages = {
  windowClosed: (order: PlacedOrder) => ordersEvent('marketplace.orders.OrderDisputeWindowClosed.v1', order.orderId, { orderId: order.orderId, buyerId: order.buyerId, closedAt: now() }),
  disputeOpened: (order: PlacedOrder, disputeId: string, lineIndexes: number[]) =>
    ordersEvent('marketplace.orders.DisputeOpened.v1', disputeId, {
      disputeId, orderId: order.orderId, buyerId: order.buyerId, paymentId: order.paymentId, kind: 'buyer',
      lines: lineIndexes.map((index) => ({ productId: order.lines[index].productId, sellerId: order.lines[index].sellerId, amount: eur(order.lines[index].lineTotal) })),
      reason: 'damaged', description: 'It arrived broken.', openedAt: now(),
    }),
  disputeResolved: (order: PlacedOrder, disputeId: string, resolvedBy: string, outcome: 'refunded' | 'rejected', refund?: number, eventId = randomUUID()) =>
    createCloudEvent({
      id: eventId, time: now(), source: 'marketplace/orders', type: 'marketplace.orders.DisputeResolved.v1', subject: disputeId,
      data: { disputeId, orderId: order.orderId, buyerId: order.buyerId, paymentId: order.paymentId, outcome, ...(refund === undefined ? {} : { refund: eur(refund) }), resolvedBy, resolvedAt: now() },
    }),
};

export interface BalanceView {
  currency: string;
  pending: number;
  held: number;
  available: number;
  inTransit: number;
  paid: number;
}

/** The seller's EUR balance once it matches `expected` (the ledger follows the log a moment later). */
export async function balanceBecomes(app: PaymentsTestApp, seller: Caller, expected: Omit<BalanceView, 'currency'>): Promise<void> {
  let last: unknown;
  try {
    await waitFor(async () => {
      const answer = await call(app, 'GET', '/seller/balance', { as: seller });
      last = answer.body;
      const eurBalance = (answer.body.items as BalanceView[]).find((item) => item.currency === 'EUR');
      return JSON.stringify(eurBalance) === JSON.stringify({ currency: 'EUR', ...expected });
    }, { timeoutMs: 15_000, description: 'the seller balance' });
  } catch (error) {
    throw new Error(`balance is ${JSON.stringify(last)}, expected ${JSON.stringify(expected)}: ${String(error)}`);
  }
}
