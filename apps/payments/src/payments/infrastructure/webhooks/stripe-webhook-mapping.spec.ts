import { ZodError } from 'zod';
import { stripeWebhookInput } from './stripe-webhook-mapping';

const paymentId = '6f1c2e0a-4a55-4a63-9d55-0a1b2c3d4e5f';
const refundId = '1d3c5e7a-0000-4000-8000-000000000001';
const intent = (status: string, extra: Record<string, unknown> = {}) => ({
  id: 'pi_1',
  object: 'payment_intent',
  status,
  amount: 4900,
  amount_received: status === 'succeeded' ? 4900 : 0,
  currency: 'eur',
  metadata: { paymentId, orderId: 'o' },
  next_action: null,
  last_payment_error: null,
  ...extra,
});

describe('Stripe webhook events as payments inputs', () => {
  it('reads payment_intent.succeeded as a capture of the amount received', () => {
    expect(stripeWebhookInput('payment_intent.succeeded', intent('succeeded'))).toEqual({
      kind: 'payment',
      paymentId,
      outcome: { kind: 'captured', providerPaymentId: 'pi_1', amount: { amount: 4900, currency: 'EUR' } },
    });
  });

  it('reads payment_intent.payment_failed as a decline from the last payment error', () => {
    const failed = intent('requires_payment_method', { last_payment_error: { code: 'card_declined', decline_code: 'lost_card', message: 'Your card was declined.', decline_reason: null } });
    expect(stripeWebhookInput('payment_intent.payment_failed', failed)).toEqual({
      kind: 'payment',
      paymentId,
      outcome: { kind: 'declined', providerPaymentId: 'pi_1', failureCode: 'card_declined', declineCode: 'lost_card', message: 'Your card was declined.' },
    });
  });

  it('reads requires_action with its next action, and canceled as a decline `canceled`', () => {
    expect(stripeWebhookInput('payment_intent.requires_action', intent('requires_action', { next_action: { type: 'redirect_to_url' } }))).toMatchObject({
      outcome: { kind: 'requires_action', nextActionType: 'redirect_to_url' },
    });
    expect(stripeWebhookInput('payment_intent.canceled', intent('canceled'))).toMatchObject({ outcome: { kind: 'declined', failureCode: 'canceled', providerPaymentId: 'pi_1' } });
  });

  it('reads charge.refunded as every refund of the charge, with our refund id when the refund carries it', () => {
    const charge = {
      id: 'ch_1',
      object: 'charge',
      metadata: { paymentId },
      refunds: {
        data: [
          { id: 're_ours', amount: 1000, currency: 'eur', status: 'succeeded', metadata: { paymentId, refundId } },
          { id: 're_dashboard', amount: 500, currency: 'eur', status: 'succeeded', metadata: {} },
          { id: 're_slow', amount: 200, currency: 'eur', status: 'pending', metadata: null },
        ],
      },
    };
    expect(stripeWebhookInput('charge.refunded', charge)).toEqual({
      kind: 'refunds',
      paymentId,
      refunds: [
        { providerRefundId: 're_ours', refundId, amount: { amount: 1000, currency: 'EUR' }, outcome: { kind: 'succeeded', providerRefundId: 're_ours' } },
        { providerRefundId: 're_dashboard', refundId: undefined, amount: { amount: 500, currency: 'EUR' }, outcome: { kind: 'succeeded', providerRefundId: 're_dashboard' } },
        { providerRefundId: 're_slow', refundId: undefined, amount: { amount: 200, currency: 'EUR' }, outcome: { kind: 'pending', providerRefundId: 're_slow' } },
      ],
    });
  });

  it('ignores other event types and objects without a payment id of ours', () => {
    expect(stripeWebhookInput('customer.created', { id: 'cus_1' })).toEqual({ kind: 'ignored', reason: 'customer.created is not handled' });
    expect(stripeWebhookInput('payment_intent.succeeded', intent('succeeded', { metadata: {} }))).toMatchObject({ kind: 'ignored' });
    expect(stripeWebhookInput('payment_intent.succeeded', intent('succeeded', { metadata: { paymentId: "x' OR 1=1" } }))).toMatchObject({ kind: 'ignored' });
  });

  it('refuses a handled event whose object lacks what is read', () => {
    expect(() => stripeWebhookInput('payment_intent.succeeded', { id: 'pi_1', status: 'succeeded', amount_received: '4900', currency: 'eur' })).toThrow(ZodError);
  });
});
