import type { Money } from '@marketplace/contracts';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ChargeOutcome } from '../../../payments/domain/provider-outcomes';
import { pushDeclined, pushSent } from '../../domain/mobile-money-outcomes';

/** PayNow's hash: SHA-512 of every value but `hash`, in the message's order, then the integration key; upper-case hex. */
export function paynowHash(fields: ReadonlyArray<[string, string]>, integrationKey: string): string {
  const values = fields.filter(([name]) => name.toLowerCase() !== 'hash').map(([, value]) => value).join('');
  return createHash('sha512').update(values + integrationKey, 'utf8').digest('hex').toUpperCase();
}

/** The message's fields in order when its hash is PayNow's, else undefined (missing or tampered). */
export function verifiedPaynowMessage(body: string, integrationKey: string): Map<string, string> | undefined {
  const fields = [...new URLSearchParams(body).entries()];
  const given = fields.find(([name]) => name.toLowerCase() === 'hash')?.[1] ?? '';
  const expected = paynowHash(fields, integrationKey);
  if (given.length !== expected.length || !timingSafeEqual(Buffer.from(given.toUpperCase()), Buffer.from(expected))) return undefined;
  return new Map(fields.map(([name, value]) => [name.toLowerCase(), value]));
}

/** A signed form body of these fields, in this order. */
export function signedPaynowForm(fields: ReadonlyArray<[string, string]>, integrationKey: string): string {
  return new URLSearchParams([...fields, ['hash', paynowHash(fields, integrationKey)]]).toString();
}

/** Cents as PayNow writes amounts (`12.50`), and back, exactly (never through a float); undefined when not an amount. */
export const paynowAmount = (amount: Money) => `${Math.trunc(amount.amount / 100)}.${String(amount.amount % 100).padStart(2, '0')}`;
export function paynowCents(text: string | undefined): number | undefined {
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text ?? '');
  return match ? Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0')) : undefined;
}

/**
 * What a PayNow status says (status update or poll): paid statuses capture the amount it reports, in the
 * payment's currency (PayNow's messages carry none); Cancelled and Failed decline; Created, Sent and
 * anything else still wait.
 */
export function paynowStatusOutcome(message: Map<string, string>, currency: string): ChargeOutcome {
  const reference = message.get('paynowreference') ?? '';
  const status = (message.get('status') ?? '').toLowerCase();
  if (status === 'paid' || status === 'awaiting delivery' || status === 'delivered') {
    return { kind: 'captured', providerPaymentId: reference, amount: { amount: paynowCents(message.get('amount')) ?? 0, currency } };
  }
  if (status === 'cancelled') return pushDeclined(reference, 'cancelled_by_user', 'The payment was cancelled on the phone.', 'paynow_cancelled');
  if (status === 'failed') return pushDeclined(reference, 'declined', 'PayNow reports the payment failed.', 'paynow_failed');
  return pushSent(reference);
}
