/** Money as the API carries it: integer minor units and an ISO 4217 currency. */
export interface Money {
  amount: number;
  currency: string;
}

const digitsOf = new Map<string, number>();

/** How many minor units a currency has (2 for EUR, 0 for JPY), as the browser's Intl knows it. */
function minorDigits(currency: string): number {
  let digits = digitsOf.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsOf.set(currency, digits);
  }
  return digits;
}

export function formatMoney(money: Money): string {
  return new Intl.NumberFormat('en', { style: 'currency', currency: money.currency }).format(money.amount / 10 ** minorDigits(money.currency));
}

/**
 * An amount a person typed ("12.5", "12.50", "1,234.50") as minor units of `currency`, or an Error saying
 * what is wrong: a positive number with at most the currency's decimals.
 */
export function parseMoneyInput(text: string, currency: string): number | Error {
  const digits = minorDigits(currency);
  const plain = text.trim().replace(/,/g, '');
  const [whole, fraction = ''] = plain.split('.');
  if (!/^\d+(\.\d+)?$/.test(plain) || fraction.length > digits) {
    const example = digits > 0 ? `12.${'5'.padEnd(digits, '0')}` : '12';
    return new Error(`"${text.trim()}" is not an amount in ${currency}: write it like ${example}.`);
  }
  const amount = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return amount > 0 && Number.isSafeInteger(amount) ? amount : new Error(`The amount must be more than 0 ${currency}.`);
}

/** Formats amounts of minor units of one currency (a chart's axis). */
export function moneyFormatter(currency: string): (amount: number) => string {
  return (amount) => formatMoney({ amount, currency });
}

export function formatNumber(value: number | null | undefined, maximumFractionDigits = 2): string {
  return value === null || value === undefined ? '–' : new Intl.NumberFormat('en', { maximumFractionDigits }).format(value);
}

/** A count: whole, with thousands separators. */
export function formatCount(value: number): string {
  return formatNumber(value, 0);
}

export function formatPercent(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined ? '–' : new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 2 }).format(ratio);
}

/** A UTC time as the API gives it, shown in UTC (the console's times all are). */
export function formatTime(iso: string | null | undefined): string {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC` : '–';
}

/** The label of a bucket starting at `iso`: its day, or its hour and minute. */
export function bucketLabel(iso: string, granularity: 'minute' | 'hour' | 'day'): string {
  return granularity === 'day' ? iso.slice(0, 10) : iso.slice(11, 16);
}
