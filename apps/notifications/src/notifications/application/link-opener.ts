import { DeliverySeal } from '@marketplace/auth';
import { PLATFORM_CONFIG } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { NotificationsConfig } from '../../notifications-config';

export class DeliveryKeyMissingError extends Error {
  override readonly name = 'DeliveryKeyMissingError';
}

/**
 * Opens the links identity sealed for us with the shared DELIVERY_SEAL_KEY. Without the key, or with
 * a link sealed under another key id, the event cannot be turned into a mail: the consumer retries it
 * and then leaves it on the dead-letter topic with this error, to be replayed once the key is set.
 */
@Injectable()
export class LinkOpener {
  private readonly seal?: DeliverySeal;

  constructor(@Inject(PLATFORM_CONFIG) config: NotificationsConfig) {
    if (config.DELIVERY_SEAL_KEY) this.seal = new DeliverySeal(config.DELIVERY_SEAL_KEY, config.DELIVERY_SEAL_KEY_ID);
  }

  open(sealedLink: string, keyId: string): string {
    if (!this.seal) throw new DeliveryKeyMissingError('DELIVERY_SEAL_KEY is not set: identity\'s links cannot be opened');
    if (keyId !== this.seal.keyId) throw new DeliveryKeyMissingError(`the link was sealed with key "${keyId}", this service holds "${this.seal.keyId}"`);
    return this.seal.open(sealedLink);
  }
}
