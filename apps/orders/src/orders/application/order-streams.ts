import type { EventStore } from '@marketplace/event-store';
import { EVENT_STORE } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import { StreamCommands } from '../../shared/stream-commands';
import type { OrderCommand } from '../domain/order-commands';
import { orderDecider } from '../domain/order-decider';
import type { OrderEvent } from '../domain/order-events';
import type { OrderState } from '../domain/order-state';

/** The orders' streams, `order-<orderId>`. */
@Injectable()
export class OrderStreams extends StreamCommands<OrderCommand, OrderEvent, OrderState> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, orderDecider, 'order');
  }
}
