import { currencyCode, timestamp } from '@marketplace/contracts';
import { GRANULARITIES } from '@marketplace/kernel';
import { z } from 'zod';

/**
 * The query every analytics endpoint takes: `from`, `to` (ISO 8601), `granularity` (minute, hour, day) and
 * `currency` (ISO 4217), all optional; the defaults and the bucket limit depend on now, so the domain applies them.
 */
export const analyticsQueryShape = {
  from: timestamp.optional(),
  to: timestamp.optional(),
  granularity: z.enum(GRANULARITIES).optional(),
  currency: currencyCode.optional(),
};
