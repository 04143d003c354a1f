/**
 * The provider idempotency key of every call, derived from the payment (or refund) id: a step retried
 * after a crash, a redelivery or by reconciliation sends the same key, and the provider answers as the
 * first time instead of charging or refunding again.
 */
export const idempotencyKeys = {
  charge: (paymentId: string) => `payment-${paymentId}-charge`,
  retrieve: (paymentId: string) => `payment-${paymentId}-retrieve`,
  cancel: (paymentId: string) => `payment-${paymentId}-cancel`,
  refund: (refundId: string) => `refund-${refundId}`,
};
