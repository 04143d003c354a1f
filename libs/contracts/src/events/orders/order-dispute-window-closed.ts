import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { timestamp, uuid } from '../../values';

/** The time to dispute a delivered order is over: its lines' money, when no dispute holds it, is payable to their sellers. */
export const orderDisputeWindowClosed = defineEvent({
  type: 'marketplace.orders.OrderDisputeWindowClosed.v1',
  topic: TOPICS.ordersOrder,
  description:
    "The time to dispute a delivered order is over: no new dispute can be opened, and its lines' money, unless an open dispute holds it, becomes payable to their sellers.",
  aggregateId: 'orderId',
  schema: z.strictObject({
    orderId: uuid,
    buyerId: uuid,
    closedAt: timestamp,
  }),
});

export type OrderDisputeWindowClosed = z.infer<typeof orderDisputeWindowClosed.schema>;
