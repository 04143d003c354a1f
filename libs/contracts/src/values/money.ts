import { z } from 'zod';

/** ISO 4217 alphabetic code, e.g. `EUR`. */
export const currencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code of 3 upper-case letters')
  .describe('ISO 4217 currency code (3 upper-case letters)');

/**
 * An amount of money in integer minor units (cents for EUR), never a float, so that sums and
 * comparisons are exact in every language that reads the topics.
 */
export const money = z
  .strictObject({
    amount: z
      .int('amount must be an integer number of minor units')
      .nonnegative('amount must not be negative')
      .describe('Integer amount in minor units of the currency (e.g. cents)'),
    currency: currencyCode,
  })
  .describe('Money: integer minor units plus ISO 4217 currency');

export type Money = z.infer<typeof money>;

/**
 * An amount written the way the reader's locale writes money: 1999 EUR is "€19.99" in `en`, "19,99 €"
 * in `de`. Minor units follow the currency (JPY has none, BHD three).
 */
export function formatMoney(amount: Money, locale = 'en'): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency: amount.currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount.amount / 10 ** digits);
}
