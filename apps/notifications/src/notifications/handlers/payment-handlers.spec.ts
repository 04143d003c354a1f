import { ids, order } from './test/facts';
import { plannedMessages, WEB_URL } from './test/planned-messages';

const kes = (amount: number) => ({ amount, currency: 'KES' });
const mpesaOrder = { ...order, total: kes(150000), paymentMethod: { type: 'mobile_money' as const, provider: 'mpesa' as const, phone: '+254708374149' } };
const failed = (failureCode: string, message: string) =>
  plannedMessages(
    'marketplace.payments.PaymentFailed.v1',
    { paymentId: ids.dispute, orderId: ids.order, amount: kes(150000), provider: 'mpesa', failureCode, message, failedAt: '2026-03-01T12:00:00.000Z' },
    { order: mpesaOrder },
  );

describe('payment handlers', () => {
  it.each([
    ['expired', 'Your payment request expired', 'the request sent to your phone was not approved in time'],
    ['cancelled_by_user', 'Your payment was cancelled', 'the request was cancelled on your phone'],
    ['wrong_pin', 'Your payment was declined', 'the PIN entered on your phone was wrong'],
  ])('tells the buyer of a mobile money payment that failed with %s in their words', (code, subject, because) => {
    const [message] = failed(code, 'Request cancelled by user');
    expect(message).toMatchObject({ to: ids.buyer, channels: ['email', 'in_app'] });
    const rendered = message.render();
    expect(rendered.subject).toBe(subject);
    expect(rendered.inApp.body).toBe(`The payment of KES 1,500.00 for your order 0b4c6a52 did not go through because ${because}, so the order was not placed.`);
    expect(rendered.text).not.toContain('The payment provider said');
  });

  it("keeps a card decline's wording, with the provider's message escaped", () => {
    const rendered = failed('card_declined', 'Your card was <declined>.')[0].render();
    expect(rendered.subject).toBe('Your payment was declined');
    expect(rendered.html).toContain('The payment provider said: Your card was &lt;declined&gt;.');
  });

  describe('PaymentRequiresAction', () => {
    const action = (nextActionType: string) =>
      plannedMessages(
        'marketplace.payments.PaymentRequiresAction.v1',
        { paymentId: ids.dispute, orderId: ids.order, provider: 'mpesa', providerPaymentId: 'ws_CO_191220191020363925', nextActionType, requestedAt: '2026-03-01T12:00:00.000Z' },
        { order: mpesaOrder },
      );

    it('asks the buyer to approve a mobile money push on their phone, in-app and by SMS', () => {
      const [message] = action('mobile_money_push');
      expect(message).toMatchObject({ to: ids.buyer, template: 'mobile-money-approval', channels: ['sms', 'in_app'] });
      const rendered = message.render({ name: 'Wanjiru', locale: 'sw' });
      expect(rendered.inApp).toEqual({
        title: 'Approve the payment on your phone',
        body: 'We sent a M-Pesa request for Ksh 1,500.00 (order 0b4c6a52) to +254708374149: enter your PIN there to approve it.',
        link: `${WEB_URL}/orders/${ids.order}`,
      });
      expect(rendered.sms.length).toBeLessThanOrEqual(320);
    });

    it("says nothing of a card's 3-D Secure step, which the checkout page handles", () => {
      expect(action('use_stripe_sdk')).toEqual([]);
    });
  });
});
