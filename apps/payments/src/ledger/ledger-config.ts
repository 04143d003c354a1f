import { z } from 'zod';

/** Basis points: 0 to 10000 (100%). */
const basisPoints = z.coerce.number({ error: 'must be a number' }).int({ error: 'must be a whole number of basis points' }).min(0).max(10_000, { error: 'must be at most 10000 (100%)' });

/** The marketplace's commission on each line, in basis points (1000 = 10%), fixed when the order is recorded. */
export const ledgerConfigShape = {
  COMMISSION_RATE: basisPoints.default(1000),
};
