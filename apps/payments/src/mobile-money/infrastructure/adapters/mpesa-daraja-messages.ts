import type { Money } from '@marketplace/contracts';
import { z } from 'zod';
import type { ChargeOutcome } from '../../../payments/domain/provider-outcomes';
import { stkResultOutcome } from './mpesa-daraja-results';

/** Daraja's times are Kenyan (EAT, UTC+3, no daylight saving): `YYYYMMDDHHmmss`. */
export function darajaTimestamp(at: Date): string {
  return new Date(at.getTime() + 3 * 3_600_000).toISOString().replace(/\D/g, '').slice(0, 14);
}

/** The STK push password: base64 of shortcode, passkey and the request's timestamp. */
export function darajaPassword(shortcode: string, passkey: string, timestamp: string): string {
  return Buffer.from(`${shortcode}${passkey}${timestamp}`).toString('base64');
}

/** Daraja takes whole shillings as a number; orders and payments refuse any other amount before. */
export function wholeShillings(amount: Money): number {
  return amount.amount / 100;
}

const item = z.object({ Name: z.string(), Value: z.union([z.string(), z.number()]).optional() });

/** The STK callback as Daraja posts it; other fields are allowed (Daraja adds some without notice). */
export const stkCallbackBody = z.object({
  Body: z.object({
    stkCallback: z.object({
      MerchantRequestID: z.string().min(1).max(100),
      CheckoutRequestID: z.string().min(1).max(100),
      ResultCode: z.coerce.number().int(),
      ResultDesc: z.string().max(1000),
      CallbackMetadata: z.object({ Item: z.array(item).max(20) }).optional(),
    }),
  }),
});

export type StkCallback = z.infer<typeof stkCallbackBody>['Body']['stkCallback'];

/** The callback's metadata value by name (Amount, MpesaReceiptNumber, TransactionDate, PhoneNumber). */
export function callbackItem(callback: StkCallback, name: string): string | number | undefined {
  return callback.CallbackMetadata?.Item.find((entry) => entry.Name === name)?.Value;
}

/**
 * What a callback says. A success reports the amount paid in shillings: converted to cents exactly
 * (a shilling amount with more than two decimals is not money and reads as 0, which never matches),
 * and the M-Pesa receipt number that statements print.
 */
export function stkCallbackOutcome(callback: StkCallback): ChargeOutcome {
  const paid = Number(callbackItem(callback, 'Amount') ?? 0);
  const cents = Math.round(paid * 100);
  const amount = { amount: Number.isSafeInteger(cents) && Math.abs(paid * 100 - cents) < 1e-6 ? cents : 0, currency: 'KES' };
  const outcome = stkResultOutcome(callback.CheckoutRequestID, callback.ResultCode, callback.ResultDesc, amount);
  const receipt = callbackItem(callback, 'MpesaReceiptNumber');
  return outcome.kind === 'captured' && typeof receipt === 'string' && /^[A-Z0-9]{6,20}$/.test(receipt) ? { ...outcome, receipt } : outcome;
}
