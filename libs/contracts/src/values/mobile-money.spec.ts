import { checkoutPaymentMethod } from './payment-method';
import { mobileMoneyAmountProblem, mobileMoneyPaymentMethod } from './mobile-money';

describe('mobile money payment methods', () => {
  it.each([
    ['mpesa', '+254708374149'],
    ['tigopesa', '+255712345678'],
    ['airtel_money', '+255682345678'],
    ['paynow', '+263771234567'],
  ])('takes a %s number of its country', (provider, phone) => {
    expect(mobileMoneyPaymentMethod.safeParse({ type: 'mobile_money', provider, phone }).success).toBe(true);
  });

  it.each([
    ['a number of another country', 'mpesa', '+255712345678', 'mpesa takes numbers of KE (+254)'],
    ['a national number', 'mpesa', '0712345678', 'phone must be an E.164 number such as +254712345678'],
    ['spaces', 'paynow', '+263 77 123 4567', 'phone must be an E.164 number such as +254712345678'],
    ['too many digits', 'mpesa', '+2547083741491234', 'phone must be an E.164 number such as +254712345678'],
  ])('refuses %s', (_case, provider, phone, message) => {
    const result = mobileMoneyPaymentMethod.safeParse({ type: 'mobile_money', provider, phone });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([message]);
  });

  it('refuses an unknown network and unknown fields', () => {
    expect(mobileMoneyPaymentMethod.safeParse({ type: 'mobile_money', provider: 'venmo', phone: '+254708374149' }).success).toBe(false);
    expect(mobileMoneyPaymentMethod.safeParse({ type: 'mobile_money', provider: 'mpesa', phone: '+254708374149', pin: '1234' }).success).toBe(false);
  });

  it('is a payment method beside card ids', () => {
    expect(checkoutPaymentMethod.safeParse('pm_card_visa').success).toBe(true);
    expect(checkoutPaymentMethod.safeParse({ type: 'mobile_money', provider: 'mpesa', phone: '+254708374149' }).success).toBe(true);
    expect(checkoutPaymentMethod.safeParse({ type: 'card', id: 'pm_card_visa' }).success).toBe(false);
  });
});

describe('what a network can charge', () => {
  it('M-Pesa takes whole shillings only: KES 2,500.00 yes, KES 2,500.50 no', () => {
    expect(mobileMoneyAmountProblem('mpesa', { amount: 250000, currency: 'KES' })).toBeUndefined();
    expect(mobileMoneyAmountProblem('mpesa', { amount: 250050, currency: 'KES' })).toBe('mpesa charges whole units of KES only');
  });

  it('PayNow takes cents', () => {
    expect(mobileMoneyAmountProblem('paynow', { amount: 1999, currency: 'USD' })).toBeUndefined();
  });

  it('refuses a currency the network does not charge in', () => {
    expect(mobileMoneyAmountProblem('mpesa', { amount: 1000, currency: 'EUR' })).toBe('mpesa does not charge in EUR');
    expect(mobileMoneyAmountProblem('tigopesa', { amount: 1000, currency: 'KES' })).toBe('tigopesa does not charge in KES');
  });
});
