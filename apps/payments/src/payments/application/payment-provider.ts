import type { CheckoutPaymentMethod, Money, PaymentProvider } from '@marketplace/contracts';
import { DependencyUnavailableError } from '@marketplace/platform';
import type { ChargeOutcome, RefundOutcome } from '../domain/provider-outcomes';

export interface ChargeRequest {
  paymentId: string;
  orderId: string;
  amount: Money;
  paymentMethod: CheckoutPaymentMethod;
  idempotencyKey: string;
}

/** A payment the provider already holds. */
export interface ProviderPaymentRef {
  paymentId: string;
  providerPaymentId: string;
  paymentMethod: CheckoutPaymentMethod;
  amount: Money;
  idempotencyKey: string;
}

export interface ProviderRefundRequest {
  paymentId: string;
  refundId: string;
  providerPaymentId: string;
  amount: Money;
  idempotencyKey: string;
}

/**
 * Who moves the money (Vendure's PaymentMethodHandler): every call answers with a typed outcome, and a
 * decline is an outcome. Only a transient failure (network, provider error, rate limit) throws, as a
 * ProviderUnavailableError, so that the step is tried again.
 */
export interface PaymentProviderPort {
  readonly name: PaymentProvider;
  /** Creates and confirms the payment server-side with the buyer's PaymentMethod. */
  charge(request: ChargeRequest): Promise<ChargeOutcome>;
  /** The provider's current view of the payment. */
  retrieve(payment: ProviderPaymentRef): Promise<ChargeOutcome>;
  /** Cancels the payment; the answer says `captured` if the money had already moved. */
  cancel(payment: ProviderPaymentRef): Promise<ChargeOutcome>;
  refund(request: ProviderRefundRequest): Promise<RefundOutcome>;
}

export const PAYMENT_PROVIDER = Symbol('PAYMENT_PROVIDER');

/** The provider could not be reached or failed on its side; the step is retried (the bus, the webhook sender, reconciliation). */
export class ProviderUnavailableError extends DependencyUnavailableError {
  constructor(message: string, cause?: unknown) {
    super(message, { code: 'payment_provider_unavailable', cause });
  }
}
