import { DependencyUnavailableError, LOGGER, PLATFORM_CONFIG, ValidationError } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { PaymentStreams } from '../../payments/application/payment-streams';
import { ProviderWebhooksService, type WebhookResult } from '../../payments/application/provider-webhooks.service';
import type { PaymentsConfig } from '../../payments-config';
import { paynowStatusOutcome, verifiedPaynowMessage } from '../infrastructure/adapters/paynow-messages';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * PayNow's status updates. The hash over the body as received is checked first: a missing or tampered
 * one is refused (400) with nothing read or written. Then, like every provider report, deduplicated (by
 * PayNow's reference and the status: Sent then Paid are two updates), applied through the decider (a
 * paid amount other than the payment's is an anomaly) and the payment settled. `reference` is our
 * payment id, as sent at initiation.
 */
@Injectable()
export class PaynowStatusUpdatesService {
  constructor(
    private readonly streams: PaymentStreams,
    private readonly webhooks: ProviderWebhooksService,
    @Inject(PLATFORM_CONFIG) private readonly config: PaymentsConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async receive(rawBody: string): Promise<WebhookResult> {
    const key = this.config.PAYNOW_INTEGRATION_KEY;
    if (!key) throw new DependencyUnavailableError('PayNow status updates are not accepted: PayNow is not configured.', { code: 'webhooks_not_configured' });
    const message = verifiedPaynowMessage(rawBody, key);
    if (!message) throw new ValidationError('The status update has no valid PayNow hash.', { code: 'invalid_hash', details: [{ field: 'hash', message: 'missing or not PayNow’s' }] });
    const paymentId = message.get('reference') ?? '';
    const paynowReference = message.get('paynowreference');
    const status = message.get('status');
    if (!UUID.test(paymentId) || !paynowReference || !status) {
      throw new ValidationError('The status update lacks reference, paynowreference or status.', { code: 'invalid_webhook', details: [{ field: 'reference', message: 'must be a payment id' }] });
    }
    const payment = await this.streams.load(paymentId);
    if (payment.status === 'none' || payment.provider !== 'paynow') {
      this.logger.warn({ paymentId, paynowReference }, 'PayNow status update about a payment payments does not hold with PayNow; ignored');
      return 'unknown_payment';
    }
    return this.webhooks.receive({
      eventId: `paynow:${paynowReference}:${status.toLowerCase()}`,
      type: 'paynow.status',
      input: { kind: 'payment', paymentId, outcome: paynowStatusOutcome(message, payment.amount.currency) },
    });
  }
}
