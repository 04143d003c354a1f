import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { checkoutPaymentMethod } from '../../values';
import { paymentInitiatedFields } from './payment-initiated';

/** v2 of PaymentInitiated: the payment method may be mobile money. Every v1 event is a valid v2. */
export const paymentInitiatedV2 = defineEvent({
  type: 'marketplace.payments.PaymentInitiated.v2',
  topic: TOPICS.paymentsPayment,
  description: "Payments accepted an order's payment request and started it with the provider, by card or mobile money.",
  aggregateId: 'paymentId',
  schema: z.strictObject({ ...paymentInitiatedFields, paymentMethod: checkoutPaymentMethod }),
});

export type PaymentInitiated = z.infer<typeof paymentInitiatedV2.schema>;
