import type { Money, OrderLine } from '@marketplace/contracts';

/** A destination's flat rates: shipping per order in each currency (minor units; absent = free), and tax. */
export interface CountryRate {
  shipping: Readonly<Record<string, number>>;
  /** Tax rate in basis points: 1900 = 19%. */
  taxBasisPoints: number;
}

/** Rates by ISO 3166-1 alpha-2 country, and the rate of every other country. */
export interface PricingRules {
  byCountry: Readonly<Record<string, CountryRate>>;
  otherwise: CountryRate;
}

export interface OrderTotals {
  subtotal: Money;
  shipping: Money;
  tax: Money;
  total: Money;
}

/**
 * Tax on an amount at a rate in basis points, rounded half up to a whole minor unit (0.5 cent -> 1 cent),
 * in integers so no float ever touches money.
 */
export function taxOn(amount: number, basisPoints: number): number {
  return Number((BigInt(amount) * BigInt(basisPoints) + 5000n) / 10000n);
}

/**
 * subtotal = the lines; shipping = the destination's flat rate in the order currency; tax = the
 * destination's rate on subtotal + shipping, rounded once per order (not per line); total = the sum.
 */
export function orderTotals(lines: readonly OrderLine[], country: string, rules: PricingRules): OrderTotals {
  const currency = lines[0].unitPrice.currency;
  const rate = rules.byCountry[country] ?? rules.otherwise;
  const subtotal = lines.reduce((sum, line) => sum + line.lineTotal.amount, 0);
  const shipping = rate.shipping[currency] ?? 0;
  const tax = taxOn(subtotal + shipping, rate.taxBasisPoints);
  const money = (amount: number) => ({ amount, currency });
  return { subtotal: money(subtotal), shipping: money(shipping), tax: money(tax), total: money(subtotal + shipping + tax) };
}
