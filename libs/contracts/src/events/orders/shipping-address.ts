import { z } from 'zod';

/** Where the sellers ship an order. */
export const shippingAddress = z.strictObject({
  recipientName: z.string().min(1).max(200),
  line1: z.string().min(1).max(200),
  line2: z.string().max(200).optional(),
  city: z.string().min(1).max(100),
  postalCode: z.string().min(1).max(20),
  region: z.string().max(100).optional(),
  country: z.string().regex(/^[A-Z]{2}$/, 'country must be an ISO 3166-1 alpha-2 code'),
});

export type ShippingAddress = z.infer<typeof shippingAddress>;
