import { deciderSpecification, foldEvents } from '@marketplace/event-store';
import { nameBasedId } from '@marketplace/kernel';
import { commands, eur, events, PAYMENT_ID, PI } from '../../../test/fixtures/payment-history';
import { automaticRefundId, MARKETPLACE_ACTOR, ORDER_CANCELLED_REASON } from './automatic-refund';
import { paymentDecider } from './payment-decider';
import type { PaymentEvent } from './payment-events';
import { nextProviderStep } from './provider-steps';

const spec = deciderSpecification(paymentDecider);
const AUTO = automaticRefundId(PAYMENT_ID);
const autoRefund = (amount: number) => events.refundRequested(AUTO, eur(amount), MARKETPLACE_ACTOR, ORDER_CANCELLED_REASON);
const state = (history: PaymentEvent[]) => foldEvents(paymentDecider, history);

describe('an order cancelled around its payment', () => {
  it('derives the automatic refund id from the payment id, the same on every retry', () => {
    expect(AUTO).toBe(nameBasedId(PAYMENT_ID, 'refund:order-cancelled'));
    expect(automaticRefundId(PAYMENT_ID)).toBe(AUTO);
  });

  it('refunds in full a payment captured before the cancellation', () => {
    spec.given([...events.initiated, events.captured()]).when(commands.cancelOrder).then([events.cancellationNoted, autoRefund(4900)]);
  });

  it('refunds only what is left after earlier refunds', () => {
    const R1 = '1d3c5e7a-0000-4000-8000-000000000001';
    spec.given([...events.initiated, events.captured(), events.refundRequested(R1, eur(900)), events.refundIssued(R1, eur(900))]).when(commands.cancelOrder).then([events.cancellationNoted, autoRefund(4000)]);
  });

  it('records a capture that arrives after the cancellation, and refunds it in the same decision', () => {
    spec.given([...events.initiated, events.requiresAction, events.cancellationNoted]).when(commands.capture()).then([events.captured(), autoRefund(4900)]);
    spec.given([...events.initiated, events.cancellationNoted, events.failed('canceled')]).when(commands.capture()).then([events.captured(), autoRefund(4900)]);
  });

  it('notes a cancellation once; a failed payment has nothing to give back', () => {
    spec.given([...events.initiated, events.captured(), events.cancellationNoted, autoRefund(4900)]).when(commands.cancelOrder).then([]);
    spec.given([...events.initiated, events.failed()]).when(commands.cancelOrder).then([events.cancellationNoted]);
    spec.given([]).when(commands.cancelOrder).then([]);
  });

  it('cancels an open payment at the provider, or abandons it when the provider never named it', () => {
    expect(nextProviderStep(state([...events.initiated, events.requiresAction, events.cancellationNoted]), false)).toEqual({ kind: 'cancel', providerPaymentId: PI });
    expect(nextProviderStep(state([...events.initiated, events.cancellationNoted]), false)).toEqual({ kind: 'abandon' });
  });

  it('charges a payment not yet charged, and queries one the provider holds only when reconciling', () => {
    expect(nextProviderStep(state(events.initiated), false)).toEqual({ kind: 'charge' });
    expect(nextProviderStep(state([...events.initiated, events.requiresAction]), false)).toBeUndefined();
    expect(nextProviderStep(state([...events.initiated, events.requiresAction]), true)).toEqual({ kind: 'query', providerPaymentId: PI });
    expect(nextProviderStep(state([...events.initiated, events.captured()]), true)).toBeUndefined();
  });
});
