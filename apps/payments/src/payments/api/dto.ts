import { currencyCode, uuid } from '@marketplace/contracts';
import { ValidationError } from '@marketplace/platform';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** No control characters and no bidirectional overrides: the reason ends up in logs, events and screens. */
const SINGLE_LINE = /^[^\p{Cc}\p{Cs}\u202A-\u202E\u2066-\u2069]*$/u;

/** Integer minor units, more than zero, within the integers every client language reads exactly. */
const refundAmount = z.strictObject({
  amount: z.int({ error: 'must be an integer number of minor units' }).positive().max(Number.MAX_SAFE_INTEGER),
  currency: currencyCode,
});

export class PaymentIdParamDto extends createZodDto(z.strictObject({ id: uuid })) {}

export class ListPaymentsQueryDto extends createZodDto(
  z.strictObject({
    orderId: uuid.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  }),
) {}

export class RefundRequestDto extends createZodDto(
  z.strictObject({
    /** Absent: all that is still refundable. */
    amount: refundAmount.optional(),
    reason: z.string().trim().min(1).max(500).regex(SINGLE_LINE, { error: 'must be one line without control characters' }),
  }),
) {}

const idempotencyKey = z.string().regex(/^[\x21-\x7e]{1,255}$/, { error: 'must be 1 to 255 visible ASCII characters' });

/** The optional Idempotency-Key header, checked like any other input. */
export function idempotencyKeyOf(header: unknown): string | undefined {
  if (header === undefined) return undefined;
  const parsed = idempotencyKey.safeParse(header);
  if (parsed.success) return parsed.data;
  throw new ValidationError('The request is invalid.', { details: [{ field: 'Idempotency-Key', message: parsed.error.issues[0]?.message ?? 'is invalid' }] });
}
