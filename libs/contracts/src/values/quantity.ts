import { z } from 'zod';

/** A count of items: a whole number, never negative. */
export const quantity = z.int('must be a whole number').nonnegative('must not be negative');

/** A count of items ordered, reserved or shipped: at least one. */
export const positiveQuantity = z.int('must be a whole number').positive('must be at least 1');
