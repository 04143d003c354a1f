import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { money, paymentMethod, timestamp, uuid } from '../../values';
import { paymentProvider } from './payment-provider';

/** PaymentInitiated's fields (v2 widens paymentMethod). */
export const paymentInitiatedFields = {
  paymentId: uuid,
  orderId: uuid,
  amount: money,
  provider: paymentProvider,
  paymentMethod,
  initiatedAt: timestamp,
};

/** Payments accepted an order's payment request and started it with the provider. */
export const paymentInitiated = defineEvent({
  type: 'marketplace.payments.PaymentInitiated.v1',
  topic: TOPICS.paymentsPayment,
  description: "Payments accepted an order's payment request and started it with the provider.",
  aggregateId: 'paymentId',
  schema: z.strictObject(paymentInitiatedFields),
});

