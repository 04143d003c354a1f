import { checkoutPaymentMethod, singleLine, uuid } from '@marketplace/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { MAX_LINES_PER_ORDER, MAX_QUANTITY_PER_LINE } from '../domain/order-draft';
import { ORDER_STATUSES } from '../domain/order-state';
import { LINE_STATUSES } from '../infrastructure/read-model/read-model-rows';

const text = (max: number) => singleLine(z.string().trim().min(1).max(max));
const optionalText = (max: number) => singleLine(z.string().trim().max(max)).optional();
const quantity = z.int('must be a whole number').min(1, 'must be at least 1').max(MAX_QUANTITY_PER_LINE, `must be at most ${MAX_QUANTITY_PER_LINE}`);

const shippingAddress = z.strictObject({
  recipientName: text(200),
  line1: text(200),
  line2: optionalText(200),
  city: text(100),
  postalCode: text(20),
  region: optionalText(100),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as DE'),
});

const items = z
  .array(z.strictObject({ productId: uuid, quantity }))
  .min(1)
  .max(MAX_LINES_PER_ORDER)
  .superRefine((lines, ctx) => {
    lines.forEach((line, index) => {
      if (lines.findIndex((other) => other.productId === line.productId) !== index) {
        ctx.addIssue({ code: 'custom', path: [index, 'productId'], message: 'one line per product' });
      }
    });
  });

/**
 * `items` or `fromCart: true`, never both; quantities whole, 1 to 100; at most 50 lines. The payment
 * method is a card (Stripe PaymentMethod id) or mobile money with a number of the network's country.
 */
export class PlaceOrderDto extends createZodDto(
  z
    .strictObject({ items: items.optional(), fromCart: z.literal(true).optional(), shippingAddress, paymentMethod: checkoutPaymentMethod })
    .refine((body) => (body.items === undefined) !== (body.fromCart === undefined), { error: 'give either items or fromCart: true', path: ['items'] }),
) {}

/** An Idempotency-Key: 1 to 255 visible ASCII characters. */
export const idempotencyKey = z.string().regex(/^[\x21-\x7e]{1,255}$/);

export class OrderIdParamDto extends createZodDto(z.strictObject({ id: uuid })) {}

export class OrderAsOfQueryDto extends createZodDto(z.strictObject({ asOf: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 time' }).optional() })) {}

/** A body is optional: `{}`, none, or a reason. */
export class CancelOrderDto extends createZodDto(z.preprocess((body) => body ?? {}, z.strictObject({ reason: optionalText(1000) }))) {}

export class ShipLinesDto extends createZodDto(
  z.strictObject({ productIds: z.array(uuid).min(1).max(MAX_LINES_PER_ORDER).optional(), carrier: text(100), trackingNumber: text(100) }),
) {}

const limit = z.coerce.number().int().min(1).max(100).default(20);
const cursor = z.string().min(1).max(500).optional();

export class BuyerOrdersQueryDto extends createZodDto(z.strictObject({ status: z.enum(ORDER_STATUSES).optional(), cursor, limit })) {}

export class AdminOrdersQueryDto extends createZodDto(
  z
    .strictObject({
      status: z.enum(ORDER_STATUSES).optional(),
      from: z.iso.datetime({ offset: true }).optional(),
      to: z.iso.datetime({ offset: true }).optional(),
      sellerId: uuid.optional(),
      buyerId: uuid.optional(),
      cursor,
      limit,
    })
    .refine((query) => !query.from || !query.to || new Date(query.from) < new Date(query.to), { error: 'from must be before to', path: ['from'] }),
) {}

export class SellerOrdersQueryDto extends createZodDto(
  z.strictObject({ status: z.enum(LINE_STATUSES).optional(), cursor, limit }),
) {}
