import { z } from 'zod';
import { mobileMoneyPaymentMethod } from './mobile-money';

/** A Stripe PaymentMethod id, e.g. the test ids `pm_card_visa`, `pm_card_chargeDeclined`. Not a secret. */
export const paymentMethod = z.string().regex(/^pm_\w+$/, 'must be a Stripe PaymentMethod id (pm_...)');

/** How a buyer pays from the v2 payment contracts on: a card (a Stripe PaymentMethod id) or mobile money. */
export const checkoutPaymentMethod = z.union([paymentMethod, mobileMoneyPaymentMethod]);

export type CheckoutPaymentMethod = z.infer<typeof checkoutPaymentMethod>;
