import { placedOrder } from '../../../test/fixtures/order-fixtures';
import { orderTotals, type PricingRules, taxOn } from './pricing';

describe('tax rounding (half up, to a whole minor unit, once per order)', () => {
  it.each([
    [1000, 1900, 190], // exact
    [1, 5000, 1], // 0.5 -> 1
    [3, 1650, 0], // 0.495 -> 0
    [1003, 1950, 196], // 195.585 -> 196
    [249, 2000, 50], // 49.8 -> 50
    [12449, 2000, 2490], // 2489.8 -> 2490
    [0, 2000, 0],
  ])('taxes %i minor units at %i basis points as %i', (amount, basisPoints, tax) => {
    expect(taxOn(amount, basisPoints)).toBe(tax);
  });

  it('stays exact beyond the range where floats lose cents', () => {
    expect(taxOn(9_007_199_254_740, 2000)).toBe(1_801_439_850_948);
  });
});

describe('order totals', () => {
  const rules: PricingRules = {
    byCountry: { GB: { shipping: { EUR: 499, GBP: 399 }, taxBasisPoints: 2000 } },
    otherwise: { shipping: {}, taxBasisPoints: 0 },
  };

  it('adds the destination shipping in the order currency, then tax on subtotal + shipping', () => {
    expect(orderTotals(placedOrder.lines, 'GB', rules)).toEqual({
      subtotal: { amount: 11950, currency: 'EUR' },
      shipping: { amount: 499, currency: 'EUR' },
      tax: { amount: 2490, currency: 'EUR' },
      total: { amount: 14939, currency: 'EUR' },
    });
  });

  it('uses the rate of every other country where none is set: here free shipping and no tax', () => {
    expect(orderTotals(placedOrder.lines, 'FR', rules).total).toEqual({ amount: 11950, currency: 'EUR' });
  });
});
