import { ZodError } from 'zod';
import { stripeWebhookInput } from './stripe-webhook-mapping';

const PAYMENT_ID = '6f1c2e0a-4a55-4a63-9d55-0a1b2c3d4e5f';
const dispute = { id: 'dp_123', object: 'dispute', amount: 4900, currency: 'eur', reason: 'fraudulent', status: 'needs_response', charge: 'ch_1', payment_intent: 'pi_1', metadata: {} };

describe('Stripe dispute events', () => {
  it('opens a chargeback, naming the payment by the PaymentIntent, or by our metadata when the charge is expanded', () => {
    const chargeback = { providerDisputeId: 'dp_123', amount: { amount: 4900, currency: 'EUR' }, reason: 'fraudulent', outcome: undefined };
    expect(stripeWebhookInput('charge.dispute.created', dispute)).toEqual({ kind: 'chargeback', paymentId: undefined, providerPaymentId: 'pi_1', chargeback });
    expect(stripeWebhookInput('charge.dispute.created', { ...dispute, charge: { id: 'ch_1', metadata: { paymentId: PAYMENT_ID } } })).toMatchObject({ kind: 'chargeback', paymentId: PAYMENT_ID });
  });

  it('closes it won or lost; any other closing is ignored', () => {
    expect(stripeWebhookInput('charge.dispute.closed', { ...dispute, status: 'lost' })).toMatchObject({ kind: 'chargeback', chargeback: { outcome: 'lost' } });
    expect(stripeWebhookInput('charge.dispute.closed', { ...dispute, status: 'won' })).toMatchObject({ kind: 'chargeback', chargeback: { outcome: 'won' } });
    expect(stripeWebhookInput('charge.dispute.closed', { ...dispute, status: 'warning_closed' })).toEqual({ kind: 'ignored', reason: 'dispute closed as warning_closed' });
    expect(stripeWebhookInput('charge.dispute.created', { ...dispute, payment_intent: null, charge: 'ch_1' })).toEqual({ kind: 'ignored', reason: 'the dispute names no payment' });
  });

  it('refuses a dispute without what is read', () => {
    expect(() => stripeWebhookInput('charge.dispute.created', { ...dispute, amount: -1 })).toThrow(ZodError);
  });
});
