import type { CheckoutPaymentMethod } from '@marketplace/contracts';
import type { RecordedEvent } from '@marketplace/event-store';
import { ProjectionEngine } from '@marketplace/projections';
import { waitFor } from '@marketplace/testing';
import { randomBytes } from 'node:crypto';
import { PAYMENT_ANALYTICS_PROJECTION } from '../src/analytics/infrastructure/projection/payment-analytics.projection';
import { simulatedPaymentId } from '../src/payments/infrastructure/providers/simulated-provider';
import { call, type Caller, caller, errorBody } from './http';
import { orderPaymentRequested, paymentRequest, type PaymentRequest } from './orders-events';
import { type PaymentsTestApp, startPayments } from './payments-app';
import { deliverWebhook } from './stripe-webhooks';

const HOUR = 3_600_000;
const hourOf = (time: string) => Math.floor(Date.parse(time) / HOUR) * HOUR;

/** Stripe's dispute of a captured simulated payment, found by its PaymentIntent id. */
function disputeCreated(request: PaymentRequest, amount: number) {
  return {
    id: `evt_${randomBytes(8).toString('hex')}`,
    object: 'event',
    type: 'charge.dispute.created',
    created: Math.floor(Date.now() / 1000),
    data: { object: { id: `dp_${randomBytes(6).toString('hex')}`, object: 'dispute', amount, currency: request.amount.currency.toLowerCase(), reason: 'fraudulent', status: 'needs_response', payment_intent: simulatedPaymentId(request.paymentId), metadata: {} } },
  };
}

/**
 * What the endpoint must answer, computed from the stored events alone: counts by the event's own time
 * within [from, to) (whole minutes), hour buckets, declines by the issuer's code else the provider's.
 */
function expectedFromEvents(events: RecordedEvent[], from: number, to: number, currency?: string) {
  type Data = { amount: { amount: number; currency: string }; declineCode?: string; failureCode?: string } & Record<string, unknown>;
  const timeField: Record<string, string> = { PaymentInitiated: 'initiatedAt', PaymentCaptured: 'capturedAt', PaymentFailed: 'failedAt', RefundIssued: 'issuedAt', ChargebackOpened: 'openedAt' };
  const counted = events
    .filter((event) => event.type in timeField)
    .map((event) => ({ type: event.type, data: event.data as Data, at: Date.parse((event.data as Data)[timeField[event.type]] as string) }))
    .filter(({ at, data }) => at - (at % 60_000) >= from && at - (at % 60_000) < to && (currency === undefined || data.amount.currency === currency));
  const currencies = [...new Set(counted.map(({ data }) => data.amount.currency))].sort();
  const of = (code: string, type: string) => counted.filter(({ data, type: t }) => data.amount.currency === code && t === type);
  const sum = (list: { data: Data }[]) => list.reduce((total, { data }) => total + data.amount.amount, 0);
  const totals = currencies.map((code) => {
    const [captured, failed, refunds, chargebacks] = ['PaymentCaptured', 'PaymentFailed', 'RefundIssued', 'ChargebackOpened'].map((type) => of(code, type));
    const reasons = new Map<string, number>();
    for (const { data } of failed) {
      const reason = data.declineCode ?? (data.failureCode as string);
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    return {
      currency: code,
      initiated: of(code, 'PaymentInitiated').length,
      captured: captured.length,
      failed: failed.length,
      captureRate: captured.length + failed.length === 0 ? null : captured.length / (captured.length + failed.length),
      declines: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
      refunds: { count: refunds.length, amount: { amount: sum(refunds), currency: code } },
      chargebacks: { count: chargebacks.length, amount: { amount: sum(chargebacks), currency: code } },
    };
  });
  const series = [];
  for (let start = hourOf(new Date(from).toISOString()); start < to; start += HOUR) {
    for (const code of currencies) {
      const inBucket = (type: string) => of(code, type).filter(({ at }) => hourOf(new Date(at).toISOString()) === start);
      series.push({ start: new Date(start).toISOString(), currency: code, captured: inBucket('PaymentCaptured').length, failed: inBucket('PaymentFailed').length, capturedAmount: { amount: sum(inBucket('PaymentCaptured')), currency: code } });
    }
  }
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString(), granularity: 'hour', totals, series };
}

describe('payment analytics over HTTP (in-process)', () => {
  let app: PaymentsTestApp;
  let admin: Caller;
  const requests: PaymentRequest[] = [];

  beforeAll(async () => {
    app = await startPayments();
    admin = await caller(app, ['admin']);
  });

  afterAll(async () => {
    await app?.close();
  });

  const analytics = (query: string, as: Caller = admin) => call(app, 'GET', `/admin/analytics/payments${query}`, { as });
  const caughtUp = async () => {
    const engine = app.service.app.get(ProjectionEngine);
    await waitFor(async () => (await engine.status([PAYMENT_ANALYTICS_PROJECTION]))[0]?.lag === 0, { timeoutMs: 30_000, description: 'payment analytics to catch up' });
  };
  const settled = (request: PaymentRequest) =>
    waitFor(async () => (await app.stream(request.paymentId)).some((event) => event.type === 'PaymentCaptured' || event.type === 'PaymentFailed'), { timeoutMs: 30_000, description: `payment ${request.paymentId} settled` });

  function pay(paymentMethod: CheckoutPaymentMethod, amount: number, currency: string): PaymentRequest {
    const request = paymentRequest(paymentMethod, { amount: { amount, currency } });
    requests.push(request);
    return request;
  }

  it('answers the totals and hourly series the payments streams add up to, for all currencies and for one, and the same after a rebuild', async () => {
    const eurPaid = [pay('pm_card_visa', 1000, 'EUR'), pay('pm_card_visa', 2500, 'EUR'), pay('pm_card_visa', 4900, 'EUR')];
    pay('pm_card_chargeDeclined', 1500, 'EUR');
    pay('pm_card_chargeDeclinedInsufficientFunds', 700, 'EUR');
    pay('pm_card_chargeDeclinedInsufficientFunds', 800, 'EUR');
    const usdPaid = [pay('pm_card_visa', 3000, 'USD'), pay('pm_card_visa', 1200, 'USD')];
    pay('pm_card_chargeDeclined', 999, 'USD');
    await app.publish(requests.map((request) => orderPaymentRequested(request)));
    for (const request of requests) await settled(request);

    const refund = (request: PaymentRequest, body: object) => call(app, 'POST', `/admin/payments/${request.paymentId}/refunds`, { as: admin, body });
    expect((await refund(eurPaid[0], { amount: { amount: 300, currency: 'EUR' }, reason: 'partial' })).status).toBe(201);
    expect((await refund(eurPaid[1], { reason: 'all of it' })).status).toBe(201);
    expect((await refund(usdPaid[1], { amount: { amount: 200, currency: 'USD' }, reason: 'partial' })).status).toBe(201);
    await app.caughtUp();
    expect((await deliverWebhook(app, disputeCreated(eurPaid[2], 4900))).body).toEqual({ received: true, result: 'applied' });
    expect((await deliverWebhook(app, disputeCreated(usdPaid[0], 1750))).body).toEqual({ received: true, result: 'applied' });
    await caughtUp();

    const events = (await Promise.all(requests.map((request) => app.stream(request.paymentId)))).flat();
    const from = hourOf(new Date(Math.min(...events.map((event) => event.recordedAt.getTime()))).toISOString()) - HOUR;
    const to = hourOf(new Date().toISOString()) + 2 * HOUR;
    const query = `?from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}&granularity=hour`;
    const expected = expectedFromEvents(events, from, to);
    // The figures the streams were built to hold, so the computation above is checked too.
    expect(expected.totals.map(({ currency, initiated, captured, failed, refunds, chargebacks }) => [currency, initiated, captured, failed, refunds.count, chargebacks.count])).toEqual([
      ['EUR', 6, 3, 3, 2, 1],
      ['USD', 3, 2, 1, 1, 1],
    ]);
    expect(expected.totals[0].declines).toEqual([{ reason: 'insufficient_funds', count: 2 }, { reason: 'generic_decline', count: 1 }]);

    const all = await analytics(query);
    expect(all).toEqual({ status: 200, body: expected });
    const usd = await analytics(`${query}&currency=USD`);
    expect(usd).toEqual({ status: 200, body: expectedFromEvents(events, from, to, 'USD') });
    expect(usd.body.totals).toEqual([expect.objectContaining({ currency: 'USD', captureRate: 2 / 3, refunds: { count: 1, amount: { amount: 200, currency: 'USD' } }, chargebacks: { count: 1, amount: { amount: 1750, currency: 'USD' } } })]);
    // A range before any payment holds nothing.
    expect((await analytics(`?from=${new Date(from - 2 * HOUR).toISOString()}&to=${new Date(from).toISOString()}&granularity=hour`)).body).toMatchObject({ totals: [], series: [] });

    const engine = app.service.app.get(ProjectionEngine);
    expect((await engine.rebuild(PAYMENT_ANALYTICS_PROJECTION)).events).toBeGreaterThanOrEqual(events.length);
    expect(await analytics(query)).toEqual(all);
    expect(await analytics(`${query}&currency=USD`)).toEqual(usd);
  });

  it('answers by day over the last 30 days by default', async () => {
    const answer = await analytics('');
    expect(answer.status).toBe(200);
    expect(answer.body.granularity).toBe('day');
    expect(Date.parse(answer.body.to) - Date.parse(answer.body.from)).toBe(30 * 24 * HOUR);
    // 30 days from an instant within a day touch 31 daily buckets, for each currency present.
    expect(answer.body.series).toHaveLength(31 * answer.body.totals.length);
  });

  it('is for admins only', async () => {
    expect(await analytics('', await caller(app, ['buyer']))).toEqual({ status: 403, body: errorBody('forbidden') });
    expect(await analytics('', await caller(app, ['seller']))).toEqual({ status: 403, body: errorBody('forbidden') });
    expect(await call(app, 'GET', '/admin/analytics/payments')).toEqual({ status: 401, body: errorBody('unauthenticated') });
  });

  it.each([
    ['?from=yesterday', 'validation_failed'],
    ['?to=2026-03-01T00:00:00+02:00', 'validation_failed'],
    ['?granularity=week', 'validation_failed'],
    ['?currency=eur', 'validation_failed'],
    ['?currency=EURO', 'validation_failed'],
    ['?currency=EUR&currency=USD', 'validation_failed'],
    ['?limit=10', 'validation_failed'],
    ['?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z', 'invalid_range'],
    ['?from=2026-03-01T00:00:00Z&to=2026-03-01T00:00:00Z', 'invalid_range'],
    ['?from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:01Z&granularity=minute', 'invalid_range'],
    ['?granularity=minute', 'invalid_range'],
  ])('refuses %s with 400 %s', async (query, code) => {
    expect(await analytics(query)).toEqual({ status: 400, body: errorBody(code) });
  });
});
