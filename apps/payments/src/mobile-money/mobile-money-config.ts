import { optional, positiveIntVar, urlVar } from '@marketplace/platform';
import { z } from 'zod';

const secret = z.string().min(8, { error: 'must be at least 8 characters' });
const ipList = z
  .string()
  .transform((value) => value.split(',').map((ip) => ip.trim()).filter(Boolean))
  .pipe(z.array(z.union([z.ipv4(), z.ipv6()], { error: 'must be a comma-separated list of IP addresses' })).min(1));

/**
 * Mobile money. M-Pesa goes through Daraja when every MPESA_* credential is set (else the simulated
 * network answers); its callbacks are accepted only on `/webhooks/mpesa/<MPESA_CALLBACK_TOKEN>` and,
 * when MPESA_CALLBACK_ALLOWED_IPS is set, only from those addresses. PayNow goes through its express
 * checkout when every PAYNOW_* setting is set; its status updates are accepted only with a valid hash.
 */
export const mobileMoneyConfigShape = {
  MPESA_API_BASE: urlVar.default('https://sandbox.safaricom.co.ke'),
  MPESA_CONSUMER_KEY: optional(z.string().min(1)),
  MPESA_CONSUMER_SECRET: optional(z.string().min(1)),
  MPESA_SHORTCODE: optional(z.string().regex(/^\d{5,7}$/, { error: 'must be a paybill or till number (5 to 7 digits)' })),
  MPESA_PASSKEY: optional(z.string().min(1)),
  /** This service as Daraja reaches it (through the gateway: `https://host/api/v1`). */
  MPESA_CALLBACK_BASE_URL: optional(urlVar),
  MPESA_CALLBACK_TOKEN: optional(secret.regex(/^[A-Za-z0-9_-]+$/, { error: 'must be URL-safe (letters, digits, _ and -)' })),
  MPESA_CALLBACK_ALLOWED_IPS: optional(ipList),
  PAYNOW_API_BASE: urlVar.default('https://www.paynow.co.zw'),
  PAYNOW_INTEGRATION_ID: optional(z.string().regex(/^\d+$/, { error: 'must be the integration id PayNow gave (digits)' })),
  PAYNOW_INTEGRATION_KEY: optional(z.string().min(1)),
  /** This service as PayNow reaches it: status updates go to `<PAYNOW_RESULT_BASE_URL>/webhooks/paynow`. */
  PAYNOW_RESULT_BASE_URL: optional(urlVar),
  /** The merchant account's email, which PayNow requires on mobile (express) transactions. */
  PAYNOW_AUTH_EMAIL: optional(z.email({ error: 'must be an email address' })),
  /** A push unanswered for this long is asked about with a status query (the callback may never come). */
  MOBILE_MONEY_QUERY_AFTER_MS: positiveIntVar.default(60_000),
  /** A push still unanswered this long after the payment started fails as `expired`. */
  MOBILE_MONEY_EXPIRE_AFTER_MS: positiveIntVar.default(300_000),
};

export type MobileMoneyConfig = z.output<z.ZodObject<typeof mobileMoneyConfigShape>>;
