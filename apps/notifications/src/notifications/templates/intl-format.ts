import type { Money } from '@marketplace/contracts';

/**
 * An amount in the order's currency, written the way the reader's locale writes money: 1999 EUR
 * is "€19.99" in `en`, "19,99 €" in `de`. Minor units follow the currency (JPY has none, BHD three).
 */
export function formatMoney(money: Money, locale: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(money.amount / 10 ** digits);
}

export function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso));
}
