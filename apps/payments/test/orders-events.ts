import { type CheckoutPaymentMethod, createCloudEvent, type Money } from '@marketplace/contracts';
import { randomUUID } from 'node:crypto';

export interface PaymentRequest {
  paymentId: string;
  orderId: string;
  buyerId: string;
  amount: Money;
  paymentMethod: CheckoutPaymentMethod;
}

/** A new payment request's ids and terms (49.00 EUR unless said otherwise). */
export function paymentRequest(paymentMethod: CheckoutPaymentMethod = 'pm_card_visa', overrides: Partial<PaymentRequest> = {}): PaymentRequest {
  return { paymentId: randomUUID(), orderId: randomUUID(), buyerId: randomUUID(), amount: { amount: 4900, currency: 'EUR' }, paymentMethod, ...overrides };
}

/** OrderPaymentRequested as orders publishes it on orders.order.v1. */
export function orderPaymentRequested(request: PaymentRequest, eventId = randomUUID()) {
  return createCloudEvent({
    id: eventId,
    time: new Date().toISOString(),
    source: 'marketplace/orders',
    type: 'marketplace.orders.OrderPaymentRequested.v2',
    subject: request.orderId,
    data: { ...request, requestedAt: new Date().toISOString() },
  });
}

/** OrderCancelled v2 naming the order's payment. */
export function orderCancelled(request: PaymentRequest, reason: 'by_buyer' | 'payment_timeout' | 'payment_failed' = 'by_buyer') {
  return createCloudEvent({
    id: randomUUID(),
    time: new Date().toISOString(),
    source: 'marketplace/orders',
    type: 'marketplace.orders.OrderCancelled.v2',
    subject: request.orderId,
    data: { orderId: request.orderId, buyerId: request.buyerId, reason, paymentId: request.paymentId, cancelledAt: new Date().toISOString() },
  });
}
