import { serviceTokenConfigShape } from '@marketplace/auth';
import { dataServiceConfigSchema, positiveIntVar } from '@marketplace/platform';
import { z } from 'zod';
import { pricingRulesVar } from './orders/infrastructure/pricing-rules-var';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Orders verifies access tokens itself; the checkout's timings and the destination rates are configurable. */
export const ordersConfigSchema = dataServiceConfigSchema.extend({
  ...serviceTokenConfigShape,
  /** An order not paid this long after it was placed is cancelled (payment_timeout) and its stock released. */
  CHECKOUT_PAYMENT_TIMEOUT_MS: positiveIntVar.default(15 * MINUTE),
  /** A fully shipped order the buyer has not confirmed is delivered automatically after this long. */
  ORDER_AUTO_DELIVERY_AFTER_MS: positiveIntVar.default(14 * DAY),
  /** A delivered order's lines can be disputed this long after delivery; then the window closes (OrderDisputeWindowClosed). */
  DISPUTE_WINDOW_MS: positiveIntVar.default(14 * DAY),
  /** How often the durable timers (payment deadline, automatic delivery, dispute windows) are checked. */
  ORDER_DEADLINE_POLL_MS: positiveIntVar.default(5_000),
  /** Shipping and tax by destination; see pricing-rules-var.ts. Default: free shipping, no tax. */
  ORDER_PRICING: pricingRulesVar.default({ byCountry: {}, otherwise: { shipping: {}, taxBasisPoints: 0 } }),
});

export type OrdersConfig = z.output<typeof ordersConfigSchema>;
