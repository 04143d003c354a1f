import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const name = (what: string) => z.string().regex(/^[a-z0-9][a-z0-9._-]{0,99}$/, { error: `must be a ${what} name: lowercase letters, digits, dots, dashes` });

export class RebuildParamsDto extends createZodDto(z.strictObject({ service: name('service'), name: name('projection') })) {}

export class RebuildIdParamsDto extends createZodDto(z.strictObject({ id: z.uuid({ error: 'must be a rebuild id (a UUID)' }) })) {}

/** The topic is checked as the CLI checks it (a bad one is a 400 from there). */
export class DeadLettersQueryDto extends createZodDto(z.strictObject({ topic: z.string().min(1).max(300).optional() })) {}

export class ReplayParamsDto extends createZodDto(z.strictObject({ topic: z.string().min(1).max(300), id: z.string().min(1).max(200) })) {}

export class AuditQueryDto extends createZodDto(
  z.strictObject({ cursor: z.string().min(1).max(500).optional(), limit: z.coerce.number().int().min(1).max(100).default(50) }),
) {}
