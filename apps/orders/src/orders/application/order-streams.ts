import type { EventStore, RecordedEvent } from '@marketplace/event-store';
import { EVENT_STORE } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import { StreamCommands } from '../../shared/stream-commands';
import type { OrderCommand } from '../domain/order-commands';
import { orderDecider } from '../domain/order-decider';
import type { OrderEvent } from '../domain/order-events';
import { OrderNotFoundError } from '../domain/order-errors';
import type { ActiveOrder, OrderState } from '../domain/order-state';

/** An order that exists, with the events it was folded from. */
export interface ExistingOrder {
  state: ActiveOrder;
  events: RecordedEvent[];
}

/** The orders' streams, `order-<orderId>`. */
@Injectable()
export class OrderStreams extends StreamCommands<OrderCommand, OrderEvent, OrderState> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, orderDecider, 'order');
  }

  /** The order (as it stood at `asOf`, when given), or OrderNotFoundError when it did not exist. */
  async existing(orderId: string, asOf?: Date): Promise<ExistingOrder> {
    const events = await this.events(orderId, asOf);
    const state = this.fold(events);
    if (state.status === 'none') throw new OrderNotFoundError();
    return { state, events };
  }
}
