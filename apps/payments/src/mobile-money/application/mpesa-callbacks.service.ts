import { LOGGER } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { ProviderWebhooksService, type WebhookResult } from '../../payments/application/provider-webhooks.service';
import { PaymentsReadModel } from '../../payments/infrastructure/payments-read-model';
import { type StkCallback, stkCallbackOutcome } from '../infrastructure/adapters/mpesa-daraja-messages';

/**
 * An STK callback through the same path as every provider report: deduplicated by its
 * CheckoutRequestID (Daraja sends one verdict per push), applied through the decider (a capture of
 * another amount is an anomaly, never a capture), then the payment settled. A callback about a push
 * payments has not recorded yet is not remembered, so a repeat, or the status query, still applies it.
 */
@Injectable()
export class MpesaCallbacksService {
  constructor(
    private readonly payments: PaymentsReadModel,
    private readonly webhooks: ProviderWebhooksService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async receive(callback: StkCallback): Promise<WebhookResult> {
    const payment = await this.payments.findByProviderPaymentId(callback.CheckoutRequestID);
    if (!payment || payment.state.provider !== 'mpesa') {
      this.logger.warn({ checkoutRequestId: callback.CheckoutRequestID, resultCode: callback.ResultCode }, 'M-Pesa callback about a push payments does not know; left to the status query');
      return 'unknown_payment';
    }
    const outcome = stkCallbackOutcome(callback);
    return this.webhooks.receive({
      eventId: `mpesa:${callback.CheckoutRequestID}`,
      type: 'mpesa.stkCallback',
      input: { kind: 'payment', paymentId: payment.state.paymentId, outcome },
    });
  }
}
