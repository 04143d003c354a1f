import { uuid } from '@marketplace/contracts';
import { jsonVar } from '@marketplace/platform';
import { z } from 'zod';

/** Basis points: 0 to 10000 (100%). */
const basisPoints = z.number({ error: 'must be a number' }).int({ error: 'must be a whole number of basis points' }).min(0).max(10_000, { error: 'must be at most 10000 (100%)' });

/**
 * The marketplace's commission on each line, in basis points (1000 = 10%): the rate of the product's
 * category when COMMISSION_CATEGORY_RATES names it, else COMMISSION_RATE; fixed when the order is recorded.
 */
export const ledgerConfigShape = {
  COMMISSION_RATE: z.coerce.number().pipe(basisPoints).default(1000),
  COMMISSION_CATEGORY_RATES: jsonVar(z.record(uuid, basisPoints), 'a JSON object of category id -> basis points').default({}),
};
