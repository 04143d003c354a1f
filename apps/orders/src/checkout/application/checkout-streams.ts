import type { EventStore } from '@marketplace/event-store';
import { EVENT_STORE } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import { StreamCommands } from '../../shared/stream-commands';
import { checkoutDecider } from '../domain/checkout-decider';
import type { CheckoutEvent, CheckoutState } from '../domain/checkout-events';
import type { CheckoutInput } from '../domain/checkout-inputs';

/** The checkouts' streams, `checkout-<orderId>`. */
@Injectable()
export class CheckoutStreams extends StreamCommands<CheckoutInput, CheckoutEvent, CheckoutState> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, checkoutDecider, 'checkout');
  }
}
