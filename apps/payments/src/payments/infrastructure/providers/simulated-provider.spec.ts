import { simulatedOutcome } from './simulated-outcomes';
import { SimulatedPaymentProvider, simulatedPaymentId, simulatedRefundId } from './simulated-provider';

const paymentId = '6f1c2e0a-4a55-4a63-9d55-0a1b2c3d4e5f';
const amount = { amount: 4900, currency: 'EUR' };
const provider = new SimulatedPaymentProvider();
const charge = (paymentMethod: string) => provider.charge({ paymentId, orderId: paymentId, amount, paymentMethod, idempotencyKey: 'k' });
const ref = (paymentMethod: string) => ({ paymentId, providerPaymentId: simulatedPaymentId(paymentId), paymentMethod, amount, idempotencyKey: 'k' });

describe('the simulated provider', () => {
  it.each(['pm_card_visa', 'pm_card_visa_debit', 'pm_card_mastercard', 'pm_card_amex'])('captures %s', async (paymentMethod) => {
    expect(await charge(paymentMethod)).toEqual({ kind: 'captured', providerPaymentId: 'pi_sim_6f1c2e0a4a554a639d550a1b2c3d4e5f', amount });
  });

  it.each([
    ['pm_card_chargeDeclined', 'card_declined', 'generic_decline'],
    ['pm_card_chargeDeclinedInsufficientFunds', 'card_declined', 'insufficient_funds'],
    ['pm_card_chargeDeclinedLostCard', 'card_declined', 'lost_card'],
    ['pm_card_chargeDeclinedStolenCard', 'card_declined', 'stolen_card'],
    ['pm_card_chargeDeclinedExpiredCard', 'expired_card', 'expired_card'],
    ['pm_card_chargeDeclinedIncorrectCvc', 'incorrect_cvc', 'incorrect_cvc'],
    ['pm_card_chargeDeclinedProcessingError', 'processing_error', 'processing_error'],
  ])('declines %s with %s / %s', async (paymentMethod, failureCode, declineCode) => {
    expect(await charge(paymentMethod)).toEqual({ kind: 'declined', providerPaymentId: simulatedPaymentId(paymentId), failureCode, declineCode, message: expect.any(String) });
  });

  it.each(['pm_card_threeDSecure2Required', 'pm_card_authenticationRequired'])('asks for 3-D Secure with %s, and keeps asking when queried', async (paymentMethod) => {
    const waiting = { kind: 'requires_action', providerPaymentId: simulatedPaymentId(paymentId), nextActionType: 'use_stripe_sdk' };
    expect(await charge(paymentMethod)).toEqual(waiting);
    expect(await provider.retrieve(ref(paymentMethod))).toEqual(waiting);
  });

  it('declines a PaymentMethod Stripe does not know as a missing resource, whatever its name', async () => {
    expect(await charge('pm_card_nonexistent')).toMatchObject({ kind: 'declined', failureCode: 'resource_missing' });
    expect(simulatedOutcome('pm_constructor')).toMatchObject({ kind: 'declined', failureCode: 'resource_missing' });
    expect(simulatedOutcome('toString')).toMatchObject({ failureCode: 'resource_missing' });
  });

  it('cancels a payment still waiting, and answers with the capture for one that succeeded', async () => {
    expect(await provider.cancel(ref('pm_card_threeDSecure2Required'))).toEqual({ kind: 'declined', providerPaymentId: simulatedPaymentId(paymentId), failureCode: 'canceled', message: expect.any(String) });
    expect(await provider.cancel(ref('pm_card_visa'))).toMatchObject({ kind: 'captured', amount });
  });

  it('refunds with an id derived from the refund id', async () => {
    const refundId = '1d3c5e7a-0000-4000-8000-000000000001';
    expect(await provider.refund({ paymentId, refundId, providerPaymentId: simulatedPaymentId(paymentId), amount, idempotencyKey: 'k' })).toEqual({ kind: 'succeeded', providerRefundId: simulatedRefundId(refundId) });
    expect(simulatedRefundId(refundId)).toBe('re_sim_1d3c5e7a000040008000000000000001');
  });
});
