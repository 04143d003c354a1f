import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { money, timestamp, uuid } from '../../values';

/** A chargeback ended: won, the money stays with the marketplace and the hold is lifted; lost, the amount is gone and charged to the sellers. */
export const chargebackClosed = defineEvent({
  type: 'marketplace.payments.ChargebackClosed.v1',
  topic: TOPICS.paymentsPayment,
  description:
    'A chargeback ended: won, the hold on the sellers is lifted; lost, the disputed amount went back to the buyer and is charged to the sellers of the order.',
  aggregateId: 'paymentId',
  schema: z.strictObject({
    chargebackId: uuid,
    paymentId: uuid,
    orderId: uuid,
    amount: money,
    outcome: z.enum(['won', 'lost']),
    closedAt: timestamp,
  }),
});

export type ChargebackClosed = z.infer<typeof chargebackClosed.schema>;
