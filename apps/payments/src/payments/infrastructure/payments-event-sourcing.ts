import { EventSourcingModule } from '@marketplace/platform';
import { PAYMENT_STREAM_PREFIX } from '../domain/payment-events';
import { paymentsProjection } from './projection/payments.projection';
import { publishPaymentEvent } from './published-events';

/** The payments' event store with its relay (public events to payments.payment.v1) and its read model. */
export const paymentsEventSourcing = EventSourcingModule.forRoot({
  publish: { source: 'marketplace/payments', map: publishPaymentEvent, streamPrefixes: [PAYMENT_STREAM_PREFIX] },
  projections: { useFactory: () => [paymentsProjection] },
});
