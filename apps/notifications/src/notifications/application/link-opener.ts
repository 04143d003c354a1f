import { DeliverySeal, SealBrokenError } from '@marketplace/auth';
import { UnprocessableEventError } from '@marketplace/messaging';
import { PLATFORM_CONFIG } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { NotificationsConfig } from '../../notifications-config';

export class LinkNotOpenedError extends UnprocessableEventError {
  override readonly name = 'LinkNotOpenedError';
}

/**
 * Opens the links identity sealed for us with the shared DELIVERY_SEAL_KEY. Without the key, or with
 * a link sealed under another key, the event cannot be turned into a mail and no retry would change
 * that: it goes to the dead-letter topic at once with the reason, to be replayed once the key is set.
 */
@Injectable()
export class LinkOpener {
  private readonly seal?: DeliverySeal;

  constructor(@Inject(PLATFORM_CONFIG) config: NotificationsConfig) {
    if (config.DELIVERY_SEAL_KEY) this.seal = new DeliverySeal(config.DELIVERY_SEAL_KEY, config.DELIVERY_SEAL_KEY_ID);
  }

  open(sealedLink: string, keyId: string): string {
    if (!this.seal) throw new LinkNotOpenedError("DELIVERY_SEAL_KEY is not set: identity's links cannot be opened");
    if (keyId !== this.seal.keyId) throw new LinkNotOpenedError(`the link was sealed with key "${keyId}", this service holds "${this.seal.keyId}"`);
    try {
      return this.seal.open(sealedLink);
    } catch (error) {
      if (error instanceof SealBrokenError) throw new LinkNotOpenedError(error.message, { cause: error });
      throw error;
    }
  }
}
