import { serviceTokenConfigShape } from '@marketplace/auth';
import { dataServiceConfigSchema, optional, positiveIntVar } from '@marketplace/platform';
import { z } from 'zod';
import { ledgerConfigShape } from './ledger/ledger-config';
import { mobileMoneyConfigShape } from './mobile-money/mobile-money-config';
import { payoutsConfigShape } from './payouts/payouts-config';

/**
 * Payments verifies access tokens itself (identity's key set). With STRIPE_SECRET_KEY it charges through
 * Stripe (at STRIPE_API_BASE when set, e.g. stripe-mock), else through the simulated provider.
 * Without STRIPE_WEBHOOK_SECRET every webhook is refused.
 */
export const paymentsConfigSchema = dataServiceConfigSchema.extend({
  ...serviceTokenConfigShape,
  STRIPE_SECRET_KEY: optional(z.string().regex(/^(sk|rk)_(test|live)_[A-Za-z0-9_]+$/, { error: 'must be a Stripe secret or restricted key (sk_test_..., sk_live_...)' })),
  STRIPE_API_BASE: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
  STRIPE_WEBHOOK_SECRET: optional(z.string().regex(/^whsec_\S+$/, { error: 'must be a Stripe webhook signing secret (whsec_...)' })),
  /** A payment or refund unchanged for this long is asked about again (provider status query, refund re-sent). */
  PAYMENT_RECONCILE_AFTER_MS: positiveIntVar.default(600_000),
  PAYMENT_RECONCILE_INTERVAL_MS: positiveIntVar.default(30_000),
  ...ledgerConfigShape,
  ...payoutsConfigShape,
  ...mobileMoneyConfigShape,
});

export type PaymentsConfig = z.output<typeof paymentsConfigSchema>;
