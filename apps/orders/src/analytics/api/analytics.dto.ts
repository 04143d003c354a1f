import { analyticsQueryShape } from '@marketplace/platform';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class AnalyticsQueryDto extends createZodDto(z.strictObject(analyticsQueryShape)) {}

export class TopListQueryDto extends createZodDto(z.strictObject({ ...analyticsQueryShape, limit: z.coerce.number().int().min(1).max(100).default(10) })) {}
