import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import type { Answer } from './http';
import { type PaymentsTestApp, WEBHOOK_SECRET } from './payments-app';
import type { PaymentRequest } from './orders-events';

export type IntentEventType = 'payment_intent.succeeded' | 'payment_intent.payment_failed' | 'payment_intent.requires_action' | 'payment_intent.canceled';

const STATUS: Record<IntentEventType, string> = {
  'payment_intent.succeeded': 'succeeded',
  'payment_intent.payment_failed': 'requires_payment_method',
  'payment_intent.requires_action': 'requires_action',
  'payment_intent.canceled': 'canceled',
};

/** A Stripe-shaped PaymentIntent event about this payment, as Stripe (or the simulated provider) sends it. */
export function intentEvent(type: IntentEventType, request: PaymentRequest, providerPaymentId: string, overrides: { amountReceived?: number } = {}) {
  const status = STATUS[type];
  return {
    id: `evt_${randomBytes(8).toString('hex')}`,
    object: 'event',
    type,
    created: Math.floor(Date.now() / 1000),
    data: {
      object: {
        id: providerPaymentId,
        object: 'payment_intent',
        status,
        amount: request.amount.amount,
        amount_received: overrides.amountReceived ?? (status === 'succeeded' ? request.amount.amount : 0),
        currency: request.amount.currency.toLowerCase(),
        metadata: { paymentId: request.paymentId, orderId: request.orderId },
        next_action: status === 'requires_action' ? { type: 'use_stripe_sdk' } : null,
        last_payment_error: type === 'payment_intent.payment_failed' ? { code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' } : null,
      },
    },
  };
}

/** The body and its Stripe-Signature header (signed with the test secret at `timestamp`, default now). */
export function signed(event: object, options: { secret?: string; timestamp?: number } = {}): { raw: string; signature: string } {
  const raw = JSON.stringify(event);
  return { raw, signature: Stripe.webhooks.generateTestHeaderString({ payload: raw, secret: options.secret ?? WEBHOOK_SECRET, timestamp: options.timestamp }) };
}

export async function postWebhook(app: PaymentsTestApp, raw: string, signature?: string, contentType = 'application/json'): Promise<Answer> {
  const response = await app.service.app.inject({
    method: 'POST',
    url: '/webhooks/stripe',
    payload: raw,
    headers: { 'content-type': contentType, ...(signature === undefined ? {} : { 'stripe-signature': signature }) },
  });
  return { status: response.statusCode, body: response.body ? response.json() : undefined };
}

/** Signs and posts the event. */
export function deliverWebhook(app: PaymentsTestApp, event: object): Promise<Answer> {
  const { raw, signature } = signed(event);
  return postWebhook(app, raw, signature);
}
