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
  const { format, digits } = moneyFormat(locale, amount.currency);
  return format.format(amount.amount / 10 ** digits);
}

/**
 * Making a formatter costs far more than using one (it was 2.8% of notifications' CPU under checkouts), so
 * they are kept by locale and currency; bounded, as locales come from users' settings.
 */
const moneyFormats = new Map<string, { format: Intl.NumberFormat; digits: number }>();
const MAX_MONEY_FORMATS = 256;

function moneyFormat(locale: string, currency: string): { format: Intl.NumberFormat; digits: number } {
  const key = `${locale} ${currency}`;
  let known = moneyFormats.get(key);
  if (!known) {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    known = { format, digits: format.resolvedOptions().maximumFractionDigits ?? 2 };
    if (moneyFormats.size >= MAX_MONEY_FORMATS) moneyFormats.clear();
    moneyFormats.set(key, known);
  }
  return known;
}
