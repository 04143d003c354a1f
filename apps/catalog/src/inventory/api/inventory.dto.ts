import { quantity } from '@marketplace/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** The stock column is a 32-bit integer; a billion units is far beyond any real count. */
export const MAX_ON_HAND = 1_000_000_000;

export class SetInventoryDto extends createZodDto(z.strictObject({ onHand: quantity.max(MAX_ON_HAND) })) {}

export class InventoryProductParamDto extends createZodDto(z.strictObject({ id: z.uuid('must be a UUID') })) {}
