import type { InitiatePayment } from './payment-commands';
import type { PaymentEvent } from './payment-events';
import type { PaymentState } from './payment-state';

/** Starts the payment an order asked for; the same request again (a redelivery) finds it started and does nothing. */
export function initiatePayment(command: InitiatePayment, state: PaymentState): PaymentEvent[] {
  if (state.status !== 'none') return [];
  const { paymentId, orderId, buyerId, amount, paymentMethod, provider, at } = command;
  return [
    { type: 'PaymentInitiated', data: { paymentId, orderId, amount, provider, paymentMethod, initiatedAt: at.toISOString() } },
    { type: 'PaymentPayerRecorded', data: { paymentId, buyerId } },
  ];
}
