import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { timestamp, uuid } from '../../values';
import { disputedLine, disputeReason } from './dispute-reason';

/** A buyer disputed shipped or delivered lines, or a chargeback opened an admin case; the sellers' money for them is held. */
export const disputeOpened = defineEvent({
  type: 'marketplace.orders.DisputeOpened.v1',
  topic: TOPICS.ordersOrder,
  description:
    "A buyer disputed shipped or delivered lines of an order (kind buyer), or a chargeback opened an admin case (kind chargeback); the sellers' money for those lines is held until it is resolved.",
  aggregateId: 'disputeId',
  schema: z.strictObject({
    disputeId: uuid,
    orderId: uuid,
    buyerId: uuid,
    paymentId: uuid,
    kind: z.enum(['buyer', 'chargeback']),
    lines: z.array(disputedLine).min(1),
    reason: disputeReason,
    description: z.string().min(1).max(4000),
    chargebackId: uuid.optional().describe('The chargeback that opened the case (kind chargeback)'),
    openedAt: timestamp,
  }),
});

export type DisputeOpened = z.infer<typeof disputeOpened.schema>;
