import { uuid } from '@marketplace/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { MAX_QUANTITY_PER_LINE } from '../../orders/domain/order-draft';

const quantity = z.int('must be a whole number').min(1, 'must be at least 1').max(MAX_QUANTITY_PER_LINE, `must be at most ${MAX_QUANTITY_PER_LINE}`);

export class AddCartItemDto extends createZodDto(z.strictObject({ productId: uuid, quantity })) {}

export class SetCartItemDto extends createZodDto(z.strictObject({ quantity })) {}

export class CartProductParamDto extends createZodDto(z.strictObject({ productId: uuid })) {}
