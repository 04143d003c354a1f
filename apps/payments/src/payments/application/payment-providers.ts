import type { CheckoutPaymentMethod, MobileMoneyProvider, PaymentProvider } from '@marketplace/contracts';
import type { PaymentProviderPort } from './payment-provider';

export const PAYMENT_PROVIDERS = Symbol('PAYMENT_PROVIDERS');

/**
 * Which adapter moves a payment's money: cards through the card provider (Stripe or simulated), each
 * mobile money network through its own. A started payment keeps the provider it was recorded with.
 */
export class PaymentProviders {
  constructor(
    private readonly card: PaymentProviderPort,
    private readonly networks: Readonly<Record<MobileMoneyProvider, PaymentProviderPort>>,
  ) {}

  /** The adapter a new payment is charged through. */
  forMethod(method: CheckoutPaymentMethod): PaymentProviderPort {
    return typeof method === 'string' ? this.card : this.networks[method.provider];
  }

  /** The adapter of a started payment; undefined when this instance runs another one for its method (configuration changed). */
  forPayment(payment: { provider: PaymentProvider; paymentMethod: CheckoutPaymentMethod }): PaymentProviderPort | undefined {
    const adapter = this.forMethod(payment.paymentMethod);
    return adapter.name === payment.provider ? adapter : undefined;
  }
}
