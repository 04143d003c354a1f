import { z } from 'zod';

/**
 * Who moves the money: Stripe when a key is configured, else the simulated provider with the same outcomes;
 * M-Pesa Daraja and PayNow for mobile money when configured (else the simulated one). The list only grows:
 * a consumer should treat a provider it does not know as any other.
 */
export const paymentProvider = z.enum(['stripe', 'simulated', 'mpesa', 'paynow']);

export type PaymentProvider = z.infer<typeof paymentProvider>;
