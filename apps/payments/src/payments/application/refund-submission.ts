import { CLOCK, type Clock } from '@marketplace/kernel';
import { Inject, Injectable } from '@nestjs/common';
import type { CapturedPayment, PaymentState, RefundRecord } from '../domain/payment-state';
import { refundOutcomeCommand } from '../domain/provider-outcomes';
import { idempotencyKeys } from './idempotency-keys';
import { PAYMENT_PROVIDERS, type PaymentProviders } from './payment-providers';
import { type CommandCause, PaymentStreams } from './payment-streams';

/** Sends a reserved refund to the provider and records its answer through the decider. */
@Injectable()
export class RefundSubmission {
  constructor(
    private readonly streams: PaymentStreams,
    @Inject(PAYMENT_PROVIDERS) private readonly providers: PaymentProviders,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The key derives from the refund id, so sending it again (a retry, reconciliation) cannot refund
   * twice. Returns the payment after the answer; undefined while the provider still works on it.
   */
  async submit(payment: CapturedPayment, refund: RefundRecord, cause?: CommandCause): Promise<PaymentState | undefined> {
    const { paymentId, providerPaymentId } = payment;
    if (!providerPaymentId) throw new Error(`captured payment ${paymentId} has no provider payment id`);
    const provider = this.providers.forPayment(payment);
    if (!provider) throw new Error(`payment ${paymentId} belongs to a provider this instance does not run`);
    const outcome = await provider.refund({ paymentId, refundId: refund.refundId, providerPaymentId, amount: refund.amount, idempotencyKey: idempotencyKeys.refund(refund.refundId) });
    const command = refundOutcomeCommand(paymentId, refund, outcome, this.clock.now());
    return command && this.streams.handle(command, cause);
  }
}
