import type { Money } from '@marketplace/contracts';
import { CLOCK, type Clock, ID_GENERATOR, type IdGenerator, nameBasedId } from '@marketplace/kernel';
import { LOGGER } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { findRefund, type PaymentState, type RefundRecord } from '../domain/payment-state';
import { ProviderUnavailableError } from './payment-provider';
import { PaymentSettlement } from './payment-settlement';
import { PaymentStreams } from './payment-streams';

export interface RefundForm {
  amount?: Money;
  reason: string;
}

/**
 * An admin's refund: reserved through the decider (refused when it would exceed what is captured),
 * then sent to the provider. With an Idempotency-Key the refund id derives from the payment and the
 * key, so a retried request is the same refund and gets the same answer.
 */
@Injectable()
export class RefundsService {
  constructor(
    private readonly streams: PaymentStreams,
    private readonly settlement: PaymentSettlement,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async refund(adminId: string, paymentId: string, form: RefundForm, idempotencyKey?: string): Promise<RefundRecord> {
    const refundId = idempotencyKey === undefined ? this.ids.next() : nameBasedId(paymentId, `refund-request:${idempotencyKey}`);
    let state: PaymentState = await this.streams.handle({ type: 'RequestRefund', paymentId, refundId, ...form, requestedBy: adminId, at: this.clock.now() });
    try {
      state = await this.settlement.settle(paymentId);
    } catch (error) {
      // The reservation stands and reconciliation sends it again with the same key; the answer says pending.
      if (!(error instanceof ProviderUnavailableError)) throw error;
      this.logger.warn({ err: error, paymentId, refundId }, 'refund left pending: the provider is unavailable');
    }
    const refund = state.status === 'none' ? undefined : findRefund(state, refundId);
    if (!refund) throw new Error(`refund ${refundId} of payment ${paymentId} is missing after its request`);
    return refund;
  }
}
