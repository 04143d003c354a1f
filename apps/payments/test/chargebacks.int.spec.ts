import { randomBytes } from 'node:crypto';
import { chargebackIdOf } from '../src/payments/domain/chargeback-records';
import { simulatedPaymentId } from '../src/payments/infrastructure/providers/simulated-provider';
import { caller, errorBody } from './http';
import { balanceBecomes, ordersMessages, placeAndPay, type PlacedOrder } from './ledger-fixtures';
import { type PaymentsTestApp, startPayments } from './payments-app';
import { deliverWebhook } from './stripe-webhooks';

/** A Stripe-shaped dispute event about the order's payment (by its PaymentIntent id, as Stripe names it). */
function disputeEvent(type: 'charge.dispute.created' | 'charge.dispute.closed', order: PlacedOrder, disputeId: string, status: string, amount = order.total) {
  return {
    id: `evt_${randomBytes(8).toString('hex')}`,
    object: 'event',
    type,
    created: Math.floor(Date.now() / 1000),
    data: { object: { id: disputeId, object: 'dispute', amount, currency: 'eur', reason: 'fraudulent', status, charge: `ch_${randomBytes(6).toString('hex')}`, payment_intent: simulatedPaymentId(order.paymentId), metadata: {} } },
  };
}

describe('chargebacks from Stripe webhooks', () => {
  let app: PaymentsTestApp;

  beforeAll(async () => {
    app = await startPayments();
  });

  afterAll(async () => {
    await app?.close();
  });

  const chargebackEvents = async (order: PlacedOrder) => (await app.stream(order.paymentId)).filter((event) => event.type.startsWith('Chargeback'));

  it('opens one chargeback per dispute, holds the order, and charges a lost one to its sellers', async () => {
    const seller = await caller(app, ['seller']);
    const order = await placeAndPay(app, [[seller.id, 1234]]);
    await app.caughtUp();
    await app.publish([ordersMessages.windowClosed(order)]);
    await balanceBecomes(app, seller, { pending: 0, held: 0, available: 1111, inTransit: 0, paid: 0 });

    const created = disputeEvent('charge.dispute.created', order, 'dp_lost1', 'needs_response', 617);
    expect((await deliverWebhook(app, created)).body).toEqual({ received: true, result: 'applied' });
    // Stripe sends it again under another event id: the same dispute, no second chargeback.
    expect((await deliverWebhook(app, { ...created, id: `evt_${randomBytes(8).toString('hex')}` })).body).toEqual({ received: true, result: 'applied' });
    const chargebackId = chargebackIdOf(order.paymentId, 'dp_lost1');
    expect((await chargebackEvents(order)).map((event) => event.data)).toEqual([
      { chargebackId, paymentId: order.paymentId, orderId: order.orderId, amount: { amount: 617, currency: 'EUR' }, provider: 'simulated', providerDisputeId: 'dp_lost1', reason: 'fraudulent', openedAt: expect.any(String) },
    ]);
    await balanceBecomes(app, seller, { pending: 0, held: 1111, available: 0, inTransit: 0, paid: 0 });

    await deliverWebhook(app, disputeEvent('charge.dispute.closed', order, 'dp_lost1', 'lost', 617));
    expect((await chargebackEvents(order)).map((event) => [event.type, (event.data as { outcome?: string }).outcome])).toEqual([
      ['ChargebackOpened', undefined],
      ['ChargebackClosed', 'lost'],
    ]);
    // 6.17 lost: commission back 1.23 x 617 / 1234 = 0.615 -> 0.62, so the seller loses 5.55 and keeps 5.56.
    await balanceBecomes(app, seller, { pending: 0, held: 0, available: 556, inTransit: 0, paid: 0 });
  });

  it('lifts the hold of a won chargeback and ignores closings that are not a verdict', async () => {
    const seller = await caller(app, ['seller']);
    const order = await placeAndPay(app, [[seller.id, 2000]]);
    await app.caughtUp();
    await deliverWebhook(app, disputeEvent('charge.dispute.created', order, 'dp_won1', 'needs_response'));
    await balanceBecomes(app, seller, { pending: 0, held: 1800, available: 0, inTransit: 0, paid: 0 });
    expect((await deliverWebhook(app, disputeEvent('charge.dispute.closed', order, 'dp_won1', 'warning_closed'))).body.result).toBe('ignored');
    await deliverWebhook(app, disputeEvent('charge.dispute.closed', order, 'dp_won1', 'won'));
    await balanceBecomes(app, seller, { pending: 1800, held: 0, available: 0, inTransit: 0, paid: 0 });
    expect((await chargebackEvents(order)).map((event) => event.type)).toEqual(['ChargebackOpened', 'ChargebackClosed']);
  });

  it('refuses a malformed dispute with 400 invalid_webhook, writing nothing', async () => {
    const seller = await caller(app, ['seller']);
    const order = await placeAndPay(app, [[seller.id, 1000]]);
    await app.caughtUp();
    const before = (await app.stream(order.paymentId)).length;
    for (const object of [{ amount: 'lots' }, { amount: -5 }, { currency: 'euros' }, { id: '' }, { reason: undefined }]) {
      const event = disputeEvent('charge.dispute.created', order, 'dp_bad', 'needs_response');
      const answer = await deliverWebhook(app, { ...event, data: { object: { ...event.data.object, ...object } } });
      expect(answer).toEqual({ status: 400, body: errorBody('invalid_webhook') });
    }
    expect(await app.stream(order.paymentId)).toHaveLength(before);
  });

  it('answers unknown_payment for a dispute on a payment payments does not hold', async () => {
    const order = { paymentId: '00000000-0000-4000-8000-00000000dead', orderId: '00000000-0000-4000-8000-00000000beef', buyerId: '', lines: [], total: 100 };
    expect((await deliverWebhook(app, disputeEvent('charge.dispute.created', order, 'dp_x', 'needs_response'))).body.result).toBe('unknown_payment');
  });
});
