import { z } from 'zod';

/** A Stripe PaymentMethod id, e.g. the test ids `pm_card_visa`, `pm_card_chargeDeclined`. Not a secret. */
export const paymentMethod = z.string().regex(/^pm_\w+$/, 'must be a Stripe PaymentMethod id (pm_...)');
