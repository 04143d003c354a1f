import { currencyCode } from '@marketplace/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { GRANULARITIES } from '../domain/analytics-range';

const time = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 time' }).optional();

/** The common analytics query; the defaults and the bucket limit are the domain's (they depend on now). */
const analyticsQuery = {
  from: time,
  to: time,
  granularity: z.enum(GRANULARITIES).optional(),
  currency: currencyCode.optional(),
};

export class AnalyticsQueryDto extends createZodDto(z.strictObject(analyticsQuery)) {}

export class TopListQueryDto extends createZodDto(z.strictObject({ ...analyticsQuery, limit: z.coerce.number().int().min(1).max(100).default(10) })) {}
