import { z } from 'zod';

/** The roles a user can hold; `seller` only after an approved seller application. */
export const role = z.enum(['buyer', 'seller', 'admin']);

export type Role = z.infer<typeof role>;
