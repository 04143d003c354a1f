import { z } from 'zod';

/** ISO 4217 alphabetic code, e.g. `EUR`. */
export const currencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code of 3 upper-case letters')
  .describe('ISO 4217 currency code (3 upper-case letters)');

/**
 * An amount of money in integer minor units (cents for EUR), never a float, so that sums and
 * comparisons are exact in every language that reads the topics.
 */
export const money = z
  .strictObject({
    amount: z
      .int('amount must be an integer number of minor units')
      .nonnegative('amount must not be negative')
      .describe('Integer amount in minor units of the currency (e.g. cents)'),
    currency: currencyCode,
  })
  .describe('Money: integer minor units plus ISO 4217 currency');

export type Money = z.infer<typeof money>;
