/**
 * How many decimals a currency's minor unit has (ISO 4217 via the runtime's ICU data: 2 for KES and
 * USD, 0 for JPY, 3 for TND).
 */
export function minorUnitDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** `1234.5`, `1,234.50`: digits, optional thousands groups of three, optional decimals. No sign, no exponent. */
const DECIMAL = /^(?<whole>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?<fraction>\d+))?$/;

/**
 * A statement's amount in major units (`1,234.50`) as integer minor units of `currency`, computed on
 * the digits, never through a float: `0.29` is exactly 29 cents. Returns the problem instead when the
 * text is no plain decimal, has more decimals than the currency's minor unit (`10.005 USD`; trailing
 * zeros are fine) or is beyond exactly representable integers.
 */
export function toMinorUnits(text: string, currency: string): { amount: number } | { problem: string } {
  const match = DECIMAL.exec(text.trim());
  if (!match?.groups) return { problem: `"${text}" is not an amount such as 1234.50` };
  const digits = minorUnitDigits(currency);
  const fraction = (match.groups.fraction ?? '').replace(/0+$/, '');
  if (fraction.length > digits) return { problem: `"${text}" has more decimals than ${currency} has (${digits})` };
  const minor = BigInt(match.groups.whole.replace(/,/g, '') + fraction.padEnd(digits, '0'));
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return { problem: `"${text}" is too large` };
  return { amount: Number(minor) };
}
