import type { Logger } from 'pino';
import type { ChannelSender } from '../../application/channel-senders';
import type { Delivery } from '../../domain/delivery';
import type { SendResult } from '../../domain/delivery-outcome';

/** With no SMS provider configured, each text is written to the service's log. */
export class LogSmsSender implements ChannelSender {
  constructor(private readonly log: Logger) {}

  async send(delivery: Delivery): Promise<SendResult> {
    this.log.info({ deliveryId: delivery.id, to: delivery.address, text: delivery.bodyText }, 'SMS (no provider configured: logged, not sent)');
    return { status: 'sent' };
  }
}
