import type { StartedPayment } from '../../payments/domain/payment-state';
import { pushDeclined, pushSent, unchargeable } from './mobile-money-outcomes';
import { expireUnanswered } from './push-expiry';

const startedAt = '2026-03-01T12:00:00.000Z';
const mpesa = { type: 'mobile_money' as const, provider: 'mpesa' as const, phone: '+254712345678' };
const payment = (paymentMethod: StartedPayment['paymentMethod']) => ({ initiatedAt: startedAt, paymentMethod }) as StartedPayment;
const after = (ms: number) => new Date(Date.parse(startedAt) + ms);

describe('an unanswered push', () => {
  it('stays waiting until the expiry time, then fails as expired', () => {
    expect(expireUnanswered(payment(mpesa), pushSent('ws_1'), after(299_999), 300_000)).toEqual(pushSent('ws_1'));
    expect(expireUnanswered(payment(mpesa), pushSent('ws_1'), after(300_000), 300_000)).toMatchObject({ kind: 'declined', providerPaymentId: 'ws_1', failureCode: 'expired' });
  });

  it('keeps any verdict the last query found, and never expires a card payment', () => {
    const declined = pushDeclined('ws_1', 'wrong_pin', 'The initiator information is invalid');
    expect(expireUnanswered(payment(mpesa), declined, after(900_000), 300_000)).toBe(declined);
    const waitingCard = { kind: 'requires_action' as const, providerPaymentId: 'pi_1', nextActionType: 'use_stripe_sdk' };
    expect(expireUnanswered(payment('pm_card_threeDSecure2Required'), waitingCard, after(900_000), 300_000)).toBe(waitingCard);
  });
});

describe('what a network can charge', () => {
  it('declines before any push what the network cannot take: cents of a shilling, another currency', () => {
    expect(unchargeable(mpesa, { amount: 150_000, currency: 'KES' })).toBeUndefined();
    expect(unchargeable(mpesa, { amount: 150_050, currency: 'KES' })).toMatchObject({ kind: 'declined', failureCode: 'amount_not_chargeable', message: 'mpesa charges whole units of KES only' });
    expect(unchargeable(mpesa, { amount: 150_000, currency: 'EUR' })).toMatchObject({ failureCode: 'amount_not_chargeable' });
    expect(unchargeable('pm_card_visa', { amount: 150_050, currency: 'KES' })).toBeUndefined();
  });
});
