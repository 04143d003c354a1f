import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { money, timestamp, uuid } from '../../values';
import { paymentProvider } from './payment-provider';

/** The payment did not go through (declined, insufficient funds, provider error); the order is cancelled. */
export const paymentFailed = defineEvent({
  type: 'marketplace.payments.PaymentFailed.v1',
  topic: TOPICS.paymentsPayment,
  description: 'The payment did not go through (declined, insufficient funds, provider error); the order is cancelled.',
  aggregateId: 'paymentId',
  schema: z.strictObject({
    paymentId: uuid,
    orderId: uuid,
    amount: money,
    provider: paymentProvider,
    failureCode: z.string().min(1).describe("The provider's code, e.g. card_declined"),
    declineCode: z.string().min(1).optional().describe("The card issuer's reason, e.g. insufficient_funds"),
    message: z.string().max(1000),
    failedAt: timestamp,
  }),
});

export type PaymentFailed = z.infer<typeof paymentFailed.schema>;
