import { z } from 'zod';

/** Who moves the money: Stripe when a key is configured, else the simulated provider with the same outcomes. */
export const paymentProvider = z.enum(['stripe', 'simulated']);

export type PaymentProvider = z.infer<typeof paymentProvider>;
