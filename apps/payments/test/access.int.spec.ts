import { call, type Caller, caller, errorBody } from './http';
import { orderPaymentRequested, paymentRequest, type PaymentRequest } from './orders-events';
import { type PaymentsTestApp, startPayments } from './payments-app';

describe('who sees and refunds which payment', () => {
  let app: PaymentsTestApp;
  let mine: PaymentRequest;
  let theirs: PaymentRequest;
  let buyer: Caller;
  let otherBuyer: Caller;
  let seller: Caller;
  let admin: Caller;

  beforeAll(async () => {
    app = await startPayments();
    mine = paymentRequest('pm_card_visa');
    theirs = paymentRequest('pm_card_visa');
    await app.deliver(orderPaymentRequested(mine));
    await app.deliver(orderPaymentRequested(theirs));
    await app.caughtUp();
    buyer = await caller(app, ['buyer'], mine.buyerId);
    otherBuyer = await caller(app, ['buyer'], theirs.buyerId);
    seller = await caller(app, ['buyer', 'seller']);
    admin = await caller(app, ['buyer', 'admin']);
  });

  afterAll(async () => {
    await app?.close();
  });

  const ids = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);

  it('answers 401 to anonymous callers on every route but the webhook', async () => {
    for (const [method, url] of [
      ['GET', '/payments'],
      ['GET', `/payments?orderId=${mine.orderId}`],
      ['GET', `/payments/${mine.paymentId}`],
      ['POST', `/admin/payments/${mine.paymentId}/refunds`],
    ] as const) {
      expect(await call(app, method, url, method === 'POST' ? { body: { reason: 'x' } } : {})).toEqual({ status: 401, body: errorBody('unauthenticated') });
    }
    // The webhook needs no token: its signature is its authentication.
    expect((await call(app, 'POST', '/webhooks/stripe', { body: {} })).body).toEqual(errorBody('invalid_signature'));
  });

  it('shows buyers their own payments only', async () => {
    expect(ids((await call(app, 'GET', `/payments?orderId=${mine.orderId}`, { as: buyer })).body)).toEqual([mine.paymentId]);
    expect(ids((await call(app, 'GET', '/payments', { as: buyer })).body)).toEqual([mine.paymentId]);
    expect(await call(app, 'GET', `/payments?orderId=${theirs.orderId}`, { as: buyer })).toEqual({ status: 200, body: { items: [] } });
    expect(await call(app, 'GET', `/payments/${theirs.paymentId}`, { as: buyer })).toEqual({ status: 404, body: errorBody('payment_not_found') });
    expect((await call(app, 'GET', `/payments/${mine.paymentId}`, { as: buyer })).body).toMatchObject({ id: mine.paymentId, buyerId: mine.buyerId, status: 'captured' });
    expect(ids((await call(app, 'GET', '/payments', { as: otherBuyer })).body)).toEqual([theirs.paymentId]);
  });

  it('shows a seller nothing of their buyers’ payments, and refuses them refunds', async () => {
    expect(await call(app, 'GET', `/payments?orderId=${mine.orderId}`, { as: seller })).toEqual({ status: 200, body: { items: [] } });
    expect((await call(app, 'GET', `/payments/${mine.paymentId}`, { as: seller })).status).toBe(404);
    expect(await call(app, 'POST', `/admin/payments/${mine.paymentId}/refunds`, { as: seller, body: { reason: 'x' } })).toEqual({ status: 403, body: errorBody('forbidden') });
    expect(await call(app, 'POST', `/admin/payments/${mine.paymentId}/refunds`, { as: buyer, body: { reason: 'x' } })).toEqual({ status: 403, body: errorBody('forbidden') });
  });

  it('shows admins any payment, with the anomalies', async () => {
    expect(ids((await call(app, 'GET', `/payments?orderId=${theirs.orderId}`, { as: admin })).body)).toEqual([theirs.paymentId]);
    expect(ids((await call(app, 'GET', '/payments', { as: admin })).body).sort()).toEqual([mine.paymentId, theirs.paymentId].sort());
    const detail = await call(app, 'GET', `/payments/${theirs.paymentId}`, { as: admin });
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ id: theirs.paymentId, refunds: [], anomalies: [] });
  });
});
