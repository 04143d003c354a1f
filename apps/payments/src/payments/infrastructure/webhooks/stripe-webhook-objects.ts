import { uuid } from '@marketplace/contracts';
import { z } from 'zod';

/*
 * The parts of Stripe's webhook objects payments reads, checked before use: a signed payload is
 * authentic, not necessarily what this code expects.
 */

const text = z.string().nullish().transform((value) => value ?? undefined);
const metadata = z.record(z.string(), z.string()).nullish();
const currency = z.string().regex(/^[A-Za-z]{3}$/);

export const stripeEventEnvelope = z.object({
  id: z.string().min(1).max(255),
  type: z.string().min(1).max(255),
  data: z.object({ object: z.unknown() }),
});

export const paymentIntentObject = z.object({
  id: z.string().min(1),
  status: z.string(),
  amount_received: z.int().nonnegative(),
  currency,
  metadata,
  next_action: z.object({ type: z.string() }).nullish(),
  last_payment_error: z.object({ code: text, decline_code: text, message: text }).nullish(),
});

const refundObject = z.object({
  id: z.string().min(1),
  amount: z.int().nonnegative(),
  currency,
  status: z.string().nullable(),
  failure_reason: text,
  metadata,
});

export const chargeObject = z.object({
  id: z.string().min(1),
  metadata,
  refunds: z.object({ data: z.array(refundObject) }).nullish(),
});

/** A dispute (a chargeback): its charge may come expanded, with our metadata. */
export const disputeObject = z.object({
  id: z.string().min(1).max(255),
  amount: z.int().positive(),
  currency,
  reason: z.string().min(1).max(200),
  status: z.string(),
  payment_intent: z.union([z.string().min(1), z.object({ id: z.string().min(1), metadata })]).nullish(),
  charge: z.union([z.string().min(1), z.object({ id: z.string().min(1), metadata })]).nullish(),
  metadata,
});

export type DisputeObject = z.infer<typeof disputeObject>;
export type PaymentIntentObject = z.infer<typeof paymentIntentObject>;
export type ChargeObject = z.infer<typeof chargeObject>;

/** Our id in an object's metadata (the adapter puts it there), when it is one. */
export function marketplaceId(meta: Record<string, string> | null | undefined, key: 'paymentId' | 'refundId'): string | undefined {
  const value = meta?.[key];
  return uuid.safeParse(value).success ? value : undefined;
}
