import { timestamp } from '@marketplace/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { STATEMENT_PROVIDERS } from '../domain/statement-line';

/** `?provider=mpesa|paynow|stripe`, and optionally the export's own period (ISO 8601 UTC, both ends included). */
export class StatementQueryDto extends createZodDto(
  z.strictObject({
    provider: z.enum(STATEMENT_PROVIDERS),
    from: timestamp.optional(),
    to: timestamp.optional(),
  }),
) {}
