import { z } from 'zod';

/** An id the marketplace generates itself (users, products, orders, payments, ...). */
export const uuid = z.uuid('must be a UUID');

/** An id issued outside the marketplace (payment provider references, carrier tracking numbers, ...). */
export const externalId = z.string().min(1, 'must not be empty');
