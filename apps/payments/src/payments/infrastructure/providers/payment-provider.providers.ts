import { CLOCK, type Clock } from '@marketplace/kernel';
import { KNEX, PLATFORM_CONFIG } from '@marketplace/platform';
import type { Knex } from 'knex';
import type { Provider } from '@nestjs/common';
import { mobileMoneyAdapters } from '../../../mobile-money/infrastructure/adapters/mobile-money-adapters';
import { PAYMENT_PROVIDER, type PaymentProviderPort } from '../../application/payment-provider';
import { PAYMENT_PROVIDERS, PaymentProviders } from '../../application/payment-providers';
import type { PaymentsConfig } from '../../../payments-config';
import { SimulatedPaymentProvider } from './simulated-provider';

/**
 * Stripe when a secret key is configured; otherwise the simulated provider, with Stripe's outcomes. The
 * Stripe adapter is required only then, so that a service on the simulated provider never loads the SDK.
 */
export const paymentProviderProvider: Provider = {
  provide: PAYMENT_PROVIDER,
  inject: [PLATFORM_CONFIG],
  useFactory: (config: PaymentsConfig): PaymentProviderPort => {
    if (!config.STRIPE_SECRET_KEY) return new SimulatedPaymentProvider();
    const { createStripeClient } = require('./stripe-client') as typeof import('./stripe-client');
    const { StripePaymentProvider } = require('./stripe-provider') as typeof import('./stripe-provider');
    return new StripePaymentProvider(createStripeClient(config.STRIPE_SECRET_KEY, config.STRIPE_API_BASE));
  },
};

/** The card provider and each mobile money network's adapter. */
export const paymentProvidersProvider: Provider = {
  provide: PAYMENT_PROVIDERS,
  inject: [PAYMENT_PROVIDER, PLATFORM_CONFIG, CLOCK, KNEX],
  useFactory: (card: PaymentProviderPort, config: PaymentsConfig, clock: Clock, db: Knex) => new PaymentProviders(card, mobileMoneyAdapters(config, clock, db)),
};
