import { analyticsQueryShape } from '@marketplace/platform';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class AnalyticsQueryDto extends createZodDto(z.strictObject(analyticsQueryShape)) {}
