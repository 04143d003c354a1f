import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { money, timestamp, uuid } from '../../values';

/**
 * A dispute ended. `refunded`: payments refunds `refund` from paymentId (allocated to the disputed lines);
 * `rejected`: nothing is refunded; `closed`: a chargeback case ended with its chargeback. The hold is lifted.
 */
export const disputeResolved = defineEvent({
  type: 'marketplace.orders.DisputeResolved.v1',
  topic: TOPICS.ordersOrder,
  description:
    'A dispute ended: refunded (payments refunds `refund` of paymentId, charged to the disputed lines), rejected (nothing refunded) or closed (a chargeback case ended with its chargeback); the hold on the sellers is lifted.',
  aggregateId: 'disputeId',
  schema: z.strictObject({
    disputeId: uuid,
    orderId: uuid,
    buyerId: uuid,
    paymentId: uuid,
    outcome: z.enum(['refunded', 'rejected', 'closed']),
    refund: money.optional().describe('What is refunded (outcome refunded)'),
    resolvedBy: uuid.describe('The admin, or the nil UUID when the case closed by itself'),
    note: z.string().min(1).max(4000).optional(),
    resolvedAt: timestamp,
  }),
});

export type DisputeResolved = z.infer<typeof disputeResolved.schema>;
