import type { RecordedEvent } from '@marketplace/event-store';
import { commands, events, PAYMENT_ID } from '../../../test/fixtures/payment-history';
import { paymentDecider } from '../domain/payment-decider';
import type { PaymentEvent } from '../domain/payment-events';
import { assertPublishable, publishPaymentEvent, UnpublishableEventError } from './published-events';

const recorded = (event: PaymentEvent): RecordedEvent => ({
  ...event,
  id: 'e',
  streamId: `payment-${PAYMENT_ID}`,
  revision: 0,
  position: { commit: 1n, prepare: 1n },
  recordedAt: new Date(),
  metadata: {},
});

describe('the payment events other services see', () => {
  it('publishes the five public events to payments.payment.v1 by their contract type, keyed by the payment', () => {
    const publicEvents = [events.initiated[0], events.requiresAction, events.captured(), events.failed(), events.refundIssued(PAYMENT_ID, { amount: 1, currency: 'EUR' })];
    expect(publicEvents.map((event) => publishPaymentEvent(recorded(event)))).toEqual(
      ['PaymentInitiated.v2', 'PaymentRequiresAction.v1', 'PaymentCaptured.v1', 'PaymentFailed.v1', 'RefundIssued.v1'].map((name) => ({
        topic: 'payments.payment.v1',
        type: `marketplace.payments.${name}`,
        subject: PAYMENT_ID,
      })),
    );
  });

  it('publishes chargebacks keyed by the payment and payouts keyed by the payout', () => {
    const money = { amount: 1, currency: 'EUR' };
    const chargeback = { type: 'ChargebackClosed', data: { chargebackId: PAYMENT_ID, paymentId: PAYMENT_ID, orderId: PAYMENT_ID, amount: money, outcome: 'lost', closedAt: new Date().toISOString() } };
    const payoutId = '7d3e1f00-0000-4000-8000-000000000001';
    const payout = { type: 'SellerPayoutScheduled', data: { payoutId, sellerId: PAYMENT_ID, amount: money, scheduledAt: new Date().toISOString() } };
    expect(publishPaymentEvent(recorded(chargeback as PaymentEvent))).toEqual({ topic: 'payments.payment.v1', type: 'marketplace.payments.ChargebackClosed.v1', subject: PAYMENT_ID });
    expect(publishPaymentEvent({ ...recorded(payout as unknown as PaymentEvent), streamId: `payout-${payoutId}` })).toEqual({ topic: 'payments.payment.v1', type: 'marketplace.payments.SellerPayoutScheduled.v1', subject: payoutId });
    expect(publishPaymentEvent({ ...recorded(payout as unknown as PaymentEvent), type: 'LedgerOrderRecorded' })).toBeUndefined();
  });

  it('keeps the private events private', () => {
    const privateEvents = [events.initiated[1], events.cancellationNoted, events.refundRequested(PAYMENT_ID, { amount: 1, currency: 'EUR' })];
    for (const event of privateEvents) expect(publishPaymentEvent(recorded(event))).toBeUndefined();
  });

  it('stores what the decider decides as valid contract data, and refuses a public event its contract rejects', () => {
    expect(() => assertPublishable(paymentDecider.decide(commands.initiate, paymentDecider.initialState()))).not.toThrow();
    const broken: PaymentEvent = { type: 'PaymentCaptured', data: { ...(events.captured().data as object), providerPaymentId: '' } } as PaymentEvent;
    expect(() => assertPublishable([broken])).toThrow(UnpublishableEventError);
  });
});
