import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { externalId, money, timestamp, uuid } from '../../values';
import { paymentProvider } from './payment-provider';

/** The buyer's bank disputed a captured payment (a chargeback); orders opens an admin case and the sellers' money for the order is held. */
export const chargebackOpened = defineEvent({
  type: 'marketplace.payments.ChargebackOpened.v1',
  topic: TOPICS.paymentsPayment,
  description:
    "The buyer's bank disputed a captured payment (a chargeback); orders opens an admin case and the sellers' money for the order is held until it closes.",
  aggregateId: 'paymentId',
  schema: z.strictObject({
    chargebackId: uuid.describe("Derived from the provider's dispute id"),
    paymentId: uuid,
    orderId: uuid,
    amount: money.describe('The disputed amount'),
    provider: paymentProvider,
    providerDisputeId: externalId,
    reason: z.string().min(1).max(200).describe("The provider's reason, e.g. fraudulent, product_not_received"),
    openedAt: timestamp,
  }),
});

export type ChargebackOpened = z.infer<typeof chargebackOpened.schema>;
