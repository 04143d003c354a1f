import type { Delivery } from '../domain/delivery';
import type { SendResult } from '../domain/delivery-outcome';

/** The port of a channel that leaves the service (email, SMS). A failed send is a result, never an exception. */
export interface ChannelSender {
  send(delivery: Delivery): Promise<SendResult>;
  /** Lets go of pooled connections at shutdown, when the adapter keeps any. */
  close?(): void;
}

/** The senders by channel; in-app needs none (it is stored when planned). */
export abstract class ChannelSenders {
  abstract readonly email: ChannelSender;
  abstract readonly sms: ChannelSender;
}
