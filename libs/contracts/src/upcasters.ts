import { DEFAULT_LOCALE, userRegistered, userRegisteredV2, userRegisteredV3 } from './events/identity';
import { orderCancelled, orderCancelledV2, orderPaymentRequested, orderPaymentRequestedV2, orderPlaced, orderPlacedV2, orderPlacedV3 } from './events/orders';
import { paymentInitiated, paymentInitiatedV2 } from './events/payments';
import { defineUpcaster, type Upcaster } from './upcaster';

const V1_CANCELLATION_REASONS = {
  stock_unavailable: 'out_of_stock',
  payment_failed: 'payment_failed',
  payment_timeout: 'payment_timeout',
  buyer_cancelled: 'by_buyer',
  admin_cancelled: 'by_admin',
} as const;

/**
 * One upcaster per superseded event version (vN -> vN+1), built with `defineUpcaster`. When an event
 * changes, its old definition stays in `eventDefinitions` so stored and in-flight events remain
 * readable, and its upcaster goes here.
 */
export const upcasters: readonly Upcaster[] = [
  // v1 users never chose a locale nor gave a phone number.
  defineUpcaster(userRegistered, userRegisteredV2, (data) => ({ ...data, locale: DEFAULT_LOCALE, phone: null })),
  // Before v3 every account had a password: the sign-up form or the bootstrapped admin.
  defineUpcaster(userRegisteredV2, userRegisteredV3, (data) => ({ ...data, signUpMethod: 'password' as const, identityProvider: null })),
  // v1 orders had neither shipping nor tax: their total was the lines.
  defineUpcaster(orderPlaced, orderPlacedV2, (data) => ({
    ...data,
    subtotal: data.total,
    shipping: { amount: 0, currency: data.total.currency },
    tax: { amount: 0, currency: data.total.currency },
  })),
  // A card id is still a valid payment method: the later versions only added mobile money.
  defineUpcaster(orderPlacedV2, orderPlacedV3, (data) => data),
  defineUpcaster(orderPaymentRequested, orderPaymentRequestedV2, (data) => data),
  defineUpcaster(paymentInitiated, paymentInitiatedV2, (data) => data),
  defineUpcaster(orderCancelled, orderCancelledV2, (data) => ({ ...data, reason: V1_CANCELLATION_REASONS[data.reason] })),
];
