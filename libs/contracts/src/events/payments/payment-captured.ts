import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { externalId, money, timestamp, uuid } from '../../values';
import { paymentProvider } from './payment-provider';

/** The provider captured the money; the order can be confirmed. */
export const paymentCaptured = defineEvent({
  type: 'marketplace.payments.PaymentCaptured.v1',
  topic: TOPICS.paymentsPayment,
  description: 'The provider captured the money; the order can be confirmed.',
  aggregateId: 'paymentId',
  schema: z.strictObject({
    paymentId: uuid,
    orderId: uuid,
    amount: money,
    provider: paymentProvider,
    providerPaymentId: externalId,
    capturedAt: timestamp,
  }),
});

export type PaymentCaptured = z.infer<typeof paymentCaptured.schema>;
