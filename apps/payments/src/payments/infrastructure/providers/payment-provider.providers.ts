import { PLATFORM_CONFIG } from '@marketplace/platform';
import type { Provider } from '@nestjs/common';
import { PAYMENT_PROVIDER, type PaymentProviderPort } from '../../application/payment-provider';
import type { PaymentsConfig } from '../../../payments-config';
import { SimulatedPaymentProvider } from './simulated-provider';
import { createStripeClient } from './stripe-client';
import { StripePaymentProvider } from './stripe-provider';

/** Stripe when a secret key is configured; otherwise the simulated provider, with Stripe's outcomes. */
export const paymentProviderProvider: Provider = {
  provide: PAYMENT_PROVIDER,
  inject: [PLATFORM_CONFIG],
  useFactory: (config: PaymentsConfig): PaymentProviderPort =>
    config.STRIPE_SECRET_KEY ? new StripePaymentProvider(createStripeClient(config.STRIPE_SECRET_KEY, config.STRIPE_API_BASE)) : new SimulatedPaymentProvider(),
};
