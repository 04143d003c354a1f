import { money } from './money';

describe('money', () => {
  it('accepts integer minor units with an ISO 4217 currency', () => {
    expect(money.parse({ amount: 4900, currency: 'EUR' })).toEqual({ amount: 4900, currency: 'EUR' });
    expect(money.safeParse({ amount: 0, currency: 'JPY' }).success).toBe(true);
  });

  it.each([
    ['a negative amount', { amount: -1, currency: 'EUR' }],
    ['a float amount', { amount: 49.5, currency: 'EUR' }],
    ['an amount beyond the safe integers', { amount: 2 ** 53, currency: 'EUR' }],
    ['an amount as a string', { amount: '4900', currency: 'EUR' }],
    ['a lower-case currency', { amount: 4900, currency: 'eur' }],
    ['a currency symbol', { amount: 4900, currency: '€' }],
    ['a four-letter currency', { amount: 4900, currency: 'EURO' }],
    ['a missing currency', { amount: 4900 }],
    ['an unknown field', { amount: 4900, currency: 'EUR', cents: true }],
  ])('rejects %s', (_case, value) => {
    expect(money.safeParse(value).success).toBe(false);
  });
});
