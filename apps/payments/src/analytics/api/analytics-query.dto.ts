import { currencyCode, timestamp } from '@marketplace/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { GRANULARITIES } from '../domain/analytics-range';

/** `?from=&to=` (ISO 8601 UTC), `granularity=minute|hour|day`, `currency=` (ISO 4217); all optional. */
export class AnalyticsQueryDto extends createZodDto(
  z.strictObject({
    from: timestamp.optional(),
    to: timestamp.optional(),
    granularity: z.enum(GRANULARITIES).optional(),
    currency: currencyCode.optional(),
  }),
) {}
