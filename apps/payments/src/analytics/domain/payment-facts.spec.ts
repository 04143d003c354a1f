import { sumFacts } from './minute-totals';
import { declineReason, minuteOf, paymentFact } from './payment-facts';

const ids = { paymentId: '00000000-0000-4000-8000-000000000001', orderId: '00000000-0000-4000-8000-000000000002' };
const eur = (amount: number) => ({ amount, currency: 'EUR' });

describe('payment facts', () => {
  it('dates each fact by the minute of the event’s own time, in UTC', () => {
    expect(minuteOf('2026-03-01T12:34:56.789Z')).toBe('2026-03-01T12:34:00.000Z');
    expect(minuteOf('2026-03-01T12:34:00.000Z')).toBe('2026-03-01T12:34:00.000Z');
  });

  it('counts an initiation, a capture with its amount, a refund and a chargeback in their currency', () => {
    expect(paymentFact({ type: 'PaymentInitiated', data: { ...ids, amount: eur(4900), provider: 'simulated', paymentMethod: 'pm_card_visa', initiatedAt: '2026-03-01T12:00:01.000Z' } })).toEqual({
      minute: '2026-03-01T12:00:00.000Z',
      currency: 'EUR',
      counts: { initiated: 1 },
    });
    expect(paymentFact({ type: 'PaymentCaptured', data: { ...ids, amount: { amount: 1200, currency: 'USD' }, provider: 'simulated', providerPaymentId: 'pi_1', capturedAt: '2026-03-01T12:01:30.000Z' } })).toEqual({
      minute: '2026-03-01T12:01:00.000Z',
      currency: 'USD',
      counts: { captured: 1, capturedAmount: 1200 },
    });
    const refund = paymentFact({ type: 'RefundIssued', data: { ...ids, refundId: ids.orderId, amount: eur(300), provider: 'simulated', providerRefundId: 're_1', issuedBy: ids.orderId, issuedAt: '2026-03-02T00:00:00.000Z' } });
    expect(refund).toEqual({ minute: '2026-03-02T00:00:00.000Z', currency: 'EUR', counts: { refunds: 1, refundedAmount: 300 } });
    const chargeback = paymentFact({ type: 'ChargebackOpened', data: { ...ids, chargebackId: ids.orderId, amount: eur(617), provider: 'simulated', providerDisputeId: 'dp_1', reason: 'fraudulent', openedAt: '2026-03-03T10:00:59.999Z' } });
    expect(chargeback).toEqual({ minute: '2026-03-03T10:00:00.000Z', currency: 'EUR', counts: { chargebacks: 1, chargebackAmount: 617 } });
  });

  it('gives a failure its decline reason: the issuer’s when there is one, else the provider’s code', () => {
    const failed = { ...ids, amount: eur(4900), provider: 'simulated' as const, failureCode: 'card_declined', message: 'Declined', failedAt: '2026-03-01T12:00:00.000Z' };
    expect(paymentFact({ type: 'PaymentFailed', data: { ...failed, declineCode: 'insufficient_funds' } })).toEqual({ minute: '2026-03-01T12:00:00.000Z', currency: 'EUR', counts: { failed: 1 }, declineReason: 'insufficient_funds' });
    expect(paymentFact({ type: 'PaymentFailed', data: { ...failed, failureCode: 'canceled' } }).declineReason).toBe('canceled');
    expect(declineReason({ failureCode: 'card_declined', declineCode: 'generic_decline' })).toBe('generic_decline');
  });
});

describe('summing facts', () => {
  it('adds the facts of one minute and currency into one row, and counts declines by reason', () => {
    const minute = '2026-03-01T12:00:00.000Z';
    const sums = sumFacts([
      { minute, currency: 'EUR', counts: { captured: 1, capturedAmount: 1000 } },
      { minute, currency: 'EUR', counts: { captured: 1, capturedAmount: 250 } },
      { minute, currency: 'EUR', counts: { failed: 1 }, declineReason: 'insufficient_funds' },
      { minute, currency: 'EUR', counts: { failed: 1 }, declineReason: 'insufficient_funds' },
      { minute, currency: 'USD', counts: { failed: 1 }, declineReason: 'generic_decline' },
      { minute: '2026-03-01T12:01:00.000Z', currency: 'EUR', counts: { refunds: 1, refundedAmount: 99 } },
    ]);
    const none = { initiated: 0, captured: 0, capturedAmount: 0, failed: 0, refunds: 0, refundedAmount: 0, chargebacks: 0, chargebackAmount: 0 };
    expect(sums.totals).toEqual([
      { ...none, minute, currency: 'EUR', captured: 2, capturedAmount: 1250, failed: 2 },
      { ...none, minute, currency: 'USD', failed: 1 },
      { ...none, minute: '2026-03-01T12:01:00.000Z', currency: 'EUR', refunds: 1, refundedAmount: 99 },
    ]);
    expect(sums.declines).toEqual([
      { minute, currency: 'EUR', reason: 'insufficient_funds', count: 2 },
      { minute, currency: 'USD', reason: 'generic_decline', count: 1 },
    ]);
  });

  it('sums nothing to nothing', () => {
    expect(sumFacts([])).toEqual({ totals: [], declines: [] });
  });
});
