import type { MarketplaceEventOf } from '@marketplace/contracts';
import { CLOCK, type Clock, DomainError } from '@marketplace/kernel';
import { LOGGER } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { disputeRefund } from '../domain/dispute-refund';
import { PAYMENT_PROVIDERS, type PaymentProviders } from './payment-providers';
import { PaymentSettlement } from './payment-settlement';
import { type CommandCause, PaymentStreams } from './payment-streams';

type PaymentRequested = MarketplaceEventOf<'marketplace.orders.OrderPaymentRequested.v2'>;
type OrderCancelled = MarketplaceEventOf<'marketplace.orders.OrderCancelled.v2'>;
type DisputeResolved = MarketplaceEventOf<'marketplace.orders.DisputeResolved.v1'>;

/**
 * What orders asks of payments. Each handler is safe to run again (the bus redelivers what it did not
 * see acknowledged): the decider ignores what is already done, and settling resumes where a crash
 * stopped it, with the same provider idempotency keys. Only transient failures throw.
 */
@Injectable()
export class OrderEventsService {
  constructor(
    private readonly streams: PaymentStreams,
    private readonly settlement: PaymentSettlement,
    @Inject(PAYMENT_PROVIDERS) private readonly providers: PaymentProviders,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Starts the payment (once), then charges it with the provider and records the outcome. */
  async onPaymentRequested(event: PaymentRequested): Promise<void> {
    const { paymentId, orderId, buyerId, amount, paymentMethod } = event.data;
    const cause = causeOf(event);
    await this.streams.handle({ type: 'InitiatePayment', paymentId, orderId, buyerId, amount, paymentMethod, provider: this.providers.forMethod(paymentMethod).name, at: this.clock.now() }, cause);
    await this.settlement.settle(paymentId, { cause });
  }

  /** Stops the order's payment: cancelled at the provider while open, refunded in full once captured. */
  async onOrderCancelled(event: OrderCancelled): Promise<void> {
    const { paymentId, orderId, reason } = event.data;
    if (!paymentId) return;
    const payment = await this.streams.load(paymentId);
    if (payment.status === 'none' || payment.orderId !== orderId) {
      this.logger.info({ paymentId, orderId }, 'order cancelled with a payment payments does not hold for it; ignored');
      return;
    }
    const cause = causeOf(event);
    await this.streams.handle({ type: 'NoteOrderCancelled', paymentId, reason, at: this.clock.now() }, cause);
    await this.settlement.settle(paymentId, { cause });
  }

  /**
   * A dispute resolved with a refund: requested like an admin's (reserved, then sent), with an id derived
   * from the dispute, so a redelivery is the same refund. A refund the payment cannot take (not captured,
   * more than is left) is refused by the decider: logged for an admin, not retried.
   */
  async onDisputeResolved(event: DisputeResolved): Promise<void> {
    if (event.data.outcome !== 'refunded') return;
    const { paymentId, disputeId } = event.data;
    const cause = causeOf(event);
    try {
      await this.streams.handle(disputeRefund(event.data, this.clock.now()), cause);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn({ err: error, paymentId, disputeId }, 'dispute refund refused by the payment; an admin must look');
      return;
    }
    await this.settlement.settle(paymentId, { cause });
  }
}

function causeOf(event: PaymentRequested | OrderCancelled | DisputeResolved): CommandCause {
  return { correlationid: event.correlationid ?? event.id, causationid: event.id };
}
