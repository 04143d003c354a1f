import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { timestamp, uuid } from '../../values';

/** A party to a dispute (the buyer, a seller of its lines, an admin) added a message to it. */
export const disputeResponded = defineEvent({
  type: 'marketplace.orders.DisputeResponded.v1',
  topic: TOPICS.ordersOrder,
  description: 'A party to a dispute (the buyer, a seller of its lines, an admin) added a message to it.',
  aggregateId: 'disputeId',
  schema: z.strictObject({
    disputeId: uuid,
    orderId: uuid,
    buyerId: uuid,
    responderId: uuid,
    role: z.enum(['buyer', 'seller', 'admin']),
    message: z.string().min(1).max(4000),
    respondedAt: timestamp,
  }),
});

export type DisputeResponded = z.infer<typeof disputeResponded.schema>;
