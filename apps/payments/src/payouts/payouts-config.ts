import { positiveIntVar } from '@marketplace/platform';

/** How often sellers are paid, and the least (minor units, whatever the currency) worth a payout. */
export const payoutsConfigShape = {
  PAYOUT_INTERVAL_MS: positiveIntVar.default(86_400_000),
  PAYOUT_MINIMUM: positiveIntVar.default(1000),
};
