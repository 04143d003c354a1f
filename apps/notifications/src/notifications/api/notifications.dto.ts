import { uuid } from '@marketplace/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CHANNELS, OPTIONAL_CATEGORIES } from '../domain/channels';

const limit = z.coerce.number().int().min(1).max(100).default(20);
const cursor = z.string().min(1).max(500).optional();

export class InboxQueryDto extends createZodDto(z.strictObject({ unread: z.enum(['true', 'false']).optional(), cursor, limit })) {}

export class IdParamDto extends createZodDto(z.strictObject({ id: uuid })) {}

const categorySettings = z.strictObject(Object.fromEntries(OPTIONAL_CATEGORIES.map((category) => [category, z.boolean().optional()])) as Record<(typeof OPTIONAL_CATEGORIES)[number], z.ZodOptional<z.ZodBoolean>>);

/**
 * Any subset of channels and categories. `security` is not a setting: verification and password
 * reset messages are always sent, so asking to turn them off is refused rather than silently ignored.
 */
export class PreferencesChangeDto extends createZodDto(
  z.strictObject(Object.fromEntries(CHANNELS.map((channel) => [channel, categorySettings.optional()])) as Record<(typeof CHANNELS)[number], z.ZodOptional<typeof categorySettings>>),
) {}

export class DeliveriesQueryDto extends createZodDto(
  z.strictObject({ status: z.enum(['pending', 'sending', 'sent', 'failed']).optional(), recipientId: uuid.optional(), sourceId: z.string().min(1).max(200).optional(), cursor, limit }),
) {}
