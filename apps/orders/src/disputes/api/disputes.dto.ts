import { currencyCode, disputeReason, multiLine, singleLine, uuid } from '@marketplace/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { MAX_LINES_PER_ORDER } from '../../orders/domain/order-draft';
import { DISPUTE_STATUSES } from '../domain/dispute-state';

const message = multiLine(z.string().trim().min(1).max(4000));

/** The lines are named by product (one line per product), each once. */
const lineIds = z
  .array(uuid)
  .min(1)
  .max(MAX_LINES_PER_ORDER)
  .refine((ids) => new Set(ids).size === ids.length, { error: 'name each line once' });

export class OpenDisputeDto extends createZodDto(
  z.strictObject({ lineIds, reason: disputeReason.exclude(['chargeback']), description: message }),
) {}

export class RespondToDisputeDto extends createZodDto(z.strictObject({ message })) {}

const amount = z.strictObject({
  amount: z.int('must be a whole number of minor units').min(1).max(Number.MAX_SAFE_INTEGER),
  currency: currencyCode,
});

/** A refund or a return may name an amount (default: the disputed lines' total); a rejection refunds nothing. */
export class ResolveDisputeDto extends createZodDto(
  z
    .strictObject({ decision: z.enum(['refund', 'reject', 'request_return']), amount: amount.optional(), note: message.optional() })
    .refine((body) => body.decision !== 'reject' || body.amount === undefined, { error: 'a rejection refunds nothing', path: ['amount'] }),
) {}

export class DisputeIdParamDto extends createZodDto(z.strictObject({ id: uuid })) {}

export class DisputesQueryDto extends createZodDto(
  z.strictObject({ status: z.enum(DISPUTE_STATUSES).optional(), cursor: singleLine(z.string().min(1).max(500)).optional(), limit: z.coerce.number().int().min(1).max(100).default(20) }),
) {}
