import { CLOCK, type Clock, nameBasedId } from '@marketplace/kernel';
import { LOGGER } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { PaymentCommand } from '../domain/payment-commands';
import { chargeOutcomeCommand, refundOutcomeCommand } from '../domain/provider-outcomes';
import { PaymentsReadModel } from '../infrastructure/payments-read-model';
import { WebhookDeliveries } from '../infrastructure/webhooks/webhook-deliveries';
import { PaymentSettlement } from './payment-settlement';
import { PaymentStreams } from './payment-streams';
import type { ChargebackReport, ProviderNotification, ProviderRefundReport, WebhookInput } from './webhook-input';

export type WebhookResult = 'applied' | 'duplicate' | 'ignored' | 'unknown_payment';

/**
 * Provider webhooks, verified by the caller. A repeated event id has no effect; any other report goes
 * through the decider (so a late or out-of-order one changes nothing it should not), then the payment
 * is settled (e.g. a capture after its order's cancellation is refunded now). The event id is recorded
 * only once that worked: on a failure the provider's retry runs it again.
 */
@Injectable()
export class ProviderWebhooksService {
  constructor(
    private readonly streams: PaymentStreams,
    private readonly settlement: PaymentSettlement,
    private readonly deliveries: WebhookDeliveries,
    private readonly payments: PaymentsReadModel,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async receive(notification: ProviderNotification): Promise<WebhookResult> {
    if (await this.deliveries.seen(notification.eventId)) return 'duplicate';
    const result = await this.apply(notification);
    await this.deliveries.record(notification.eventId, notification.type, result);
    return result;
  }

  private async apply({ eventId, type, input }: ProviderNotification): Promise<WebhookResult> {
    if (input.kind === 'ignored') return 'ignored';
    const paymentId = await this.paymentOf(input);
    if (!paymentId || (await this.streams.load(paymentId)).status === 'none') {
      this.logger.warn({ eventId, type, paymentId }, 'webhook about a payment payments does not hold; ignored');
      return 'unknown_payment';
    }
    const cause = { providerEventId: eventId };
    for (const command of this.commandsFor(input, paymentId)) await this.streams.handle(command, cause);
    await this.settlement.settle(paymentId, { cause });
    return 'applied';
  }

  /** A dispute may name only the provider's payment id: the read model knows whose it is. */
  private async paymentOf(input: Exclude<WebhookInput, { kind: 'ignored' }>): Promise<string | undefined> {
    if (input.paymentId || input.kind !== 'chargeback' || !input.providerPaymentId) return input.paymentId;
    return (await this.payments.findByProviderPaymentId(input.providerPaymentId))?.state.paymentId;
  }

  private commandsFor(input: Exclude<WebhookInput, { kind: 'ignored' }>, paymentId: string): PaymentCommand[] {
    const at = this.clock.now();
    if (input.kind === 'payment') return [chargeOutcomeCommand(paymentId, input.outcome, at)];
    if (input.kind === 'chargeback') return [chargebackCommand(paymentId, input.chargeback, at)];
    return input.refunds.flatMap((report) => refundOutcomeCommand(paymentId, { refundId: refundIdOf(paymentId, report), amount: report.amount }, report.outcome, at) ?? []);
  }
}

function chargebackCommand(paymentId: string, report: ChargebackReport, at: Date): PaymentCommand {
  const { outcome, ...chargeback } = report;
  return outcome ? { type: 'RecordChargebackClosed', paymentId, ...chargeback, outcome, at } : { type: 'RecordChargebackOpened', paymentId, ...chargeback, at };
}

/** Ours when payments made the refund; else derived from the provider's id, the same at every report of it. */
function refundIdOf(paymentId: string, report: ProviderRefundReport): string {
  return report.refundId ?? nameBasedId(paymentId, `provider-refund:${report.providerRefundId}`);
}
