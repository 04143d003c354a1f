import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { externalId, money, timestamp, uuid } from '../../values';
import { paymentProvider } from './payment-provider';

/** Money captured earlier went back to the buyer, all or part; orders records OrderRefunded. */
export const refundIssued = defineEvent({
  type: 'marketplace.payments.RefundIssued.v1',
  topic: TOPICS.paymentsPayment,
  description: 'Money captured earlier went back to the buyer, all or part; orders records OrderRefunded.',
  aggregateId: 'paymentId',
  schema: z.strictObject({
    refundId: uuid,
    paymentId: uuid,
    orderId: uuid,
    amount: money,
    provider: paymentProvider,
    providerRefundId: externalId,
    issuedBy: uuid.describe('The admin who refunded; the nil UUID when the marketplace refunded by itself (an order cancelled after its capture)'),
    reason: z.string().min(1).max(1000).optional(),
    issuedAt: timestamp,
  }),
});

export type RefundIssued = z.infer<typeof refundIssued.schema>;
