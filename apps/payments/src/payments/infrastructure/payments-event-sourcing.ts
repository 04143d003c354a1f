import { EventSourcingModule } from '@marketplace/platform';
import { PAYMENTS_PROJECTIONS } from '../../ops-manifest';
import { PAYOUT_STREAM_PREFIX } from '../../payouts/domain/payout-events';
import { PAYMENT_STREAM_PREFIX } from '../domain/payment-events';
import { publishPaymentEvent } from './published-events';

/**
 * The payments' event store with its relay (the public events of payments and payouts to
 * payments.payment.v1) and its read models: payments, the sellers' ledger, payouts, payment analytics.
 */
export const paymentsEventSourcing = EventSourcingModule.forRoot({
  publish: { source: 'marketplace/payments', map: publishPaymentEvent, streamPrefixes: [PAYMENT_STREAM_PREFIX, PAYOUT_STREAM_PREFIX] },
  projections: { useFactory: () => PAYMENTS_PROJECTIONS },
});
