import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { externalId, timestamp, uuid } from '../../values';
import { paymentProvider } from './payment-provider';

/** The provider needs the buyer to act (e.g. 3-D Secure) before it can capture; the client secret is never published. */
export const paymentRequiresAction = defineEvent({
  type: 'marketplace.payments.PaymentRequiresAction.v1',
  topic: TOPICS.paymentsPayment,
  description: 'The provider needs the buyer to act (e.g. 3-D Secure) before it can capture; the client secret is never published.',
  aggregateId: 'paymentId',
  schema: z.strictObject({
    paymentId: uuid,
    orderId: uuid,
    provider: paymentProvider,
    providerPaymentId: externalId,
    nextActionType: z.string().min(1).describe("The provider's next action, e.g. use_stripe_sdk or redirect_to_url"),
    requestedAt: timestamp,
  }),
});

export type PaymentRequiresAction = z.infer<typeof paymentRequiresAction.schema>;
