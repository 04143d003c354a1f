import { CLOCK, type Clock } from '@marketplace/kernel';
import { LOGGER, PLATFORM_CONFIG } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { unchargeable } from '../../mobile-money/domain/mobile-money-outcomes';
import { expireUnanswered } from '../../mobile-money/domain/push-expiry';
import type { PaymentsConfig } from '../../payments-config';
import type { PaymentState, StartedPayment } from '../domain/payment-state';
import { chargeOutcomeCommand, type ChargeOutcome } from '../domain/provider-outcomes';
import { canceledOutcome, nextProviderStep, type ProviderStep, refundsToSubmit } from '../domain/provider-steps';
import { idempotencyKeys } from './idempotency-keys';
import type { PaymentProviderPort } from './payment-provider';
import { PAYMENT_PROVIDERS, type PaymentProviders } from './payment-providers';
import { type CommandCause, PaymentStreams } from './payment-streams';
import { RefundSubmission } from './refund-submission';

export interface SettleOptions {
  /** Also query the provider about payments it is still working on (reconciliation does). */
  reconciling?: boolean;
  cause?: CommandCause;
}

/**
 * Makes the provider calls a payment waits for (charge, cancel, status query, then its reserved
 * refunds) and records each answer through the decider. Safe to run again at any time: the calls carry
 * idempotency keys derived from the payment, and an answer already recorded decides nothing.
 */
@Injectable()
export class PaymentSettlement {
  constructor(
    private readonly streams: PaymentStreams,
    private readonly refunds: RefundSubmission,
    @Inject(PAYMENT_PROVIDERS) private readonly providers: PaymentProviders,
    @Inject(PLATFORM_CONFIG) private readonly config: PaymentsConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async settle(paymentId: string, options: SettleOptions = {}): Promise<PaymentState> {
    let state = await this.streams.load(paymentId);
    if (state.status === 'none') return state;
    const provider = this.providers.forPayment(state);
    if (!provider) {
      this.logger.warn({ paymentId, provider: state.provider }, 'payment belongs to another provider; left to an instance running it');
      return state;
    }
    const step = nextProviderStep(state, options.reconciling ?? false);
    if (step) state = await this.streams.handle(chargeOutcomeCommand(paymentId, await this.ask(provider, state, step), this.clock.now()), options.cause);
    if (state.status !== 'captured') return state;
    let latest: PaymentState = state;
    for (const refund of refundsToSubmit(state)) latest = (await this.refunds.submit(state, refund, options.cause)) ?? latest;
    return latest;
  }

  private async ask(provider: PaymentProviderPort, payment: StartedPayment, step: ProviderStep): Promise<ChargeOutcome> {
    const { paymentId, orderId, amount, paymentMethod } = payment;
    const held = (providerPaymentId: string, idempotencyKey: string) => ({ paymentId, providerPaymentId, paymentMethod, amount, idempotencyKey });
    switch (step.kind) {
      case 'charge':
        return unchargeable(paymentMethod, amount) ?? provider.charge({ paymentId, orderId, amount, paymentMethod, idempotencyKey: idempotencyKeys.charge(paymentId) });
      case 'query': {
        const answer = await provider.retrieve(held(step.providerPaymentId, idempotencyKeys.retrieve(paymentId)));
        return expireUnanswered(payment, answer, this.clock.now(), this.config.MOBILE_MONEY_EXPIRE_AFTER_MS);
      }
      case 'cancel':
        return provider.cancel(held(step.providerPaymentId, idempotencyKeys.cancel(paymentId)));
      case 'abandon':
        return canceledOutcome();
    }
  }
}
