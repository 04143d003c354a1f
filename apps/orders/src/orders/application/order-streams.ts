import type { CommandResult, EventStore, RecordedEvent } from '@marketplace/event-store';
import { EVENT_STORE, LOGGER } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { CommandContext } from '../../shared/command-context';
import { StreamCommands } from '../../shared/stream-commands';
import type { OrderCommand } from '../domain/order-commands';
import { orderDecider } from '../domain/order-decider';
import type { OrderEvent } from '../domain/order-events';
import { OrderNotFoundError } from '../domain/order-errors';
import type { ActiveOrder, OrderState } from '../domain/order-state';
import { orderLogLines } from './order-log-lines';

/** An order that exists, with the events it was folded from. */
export interface ExistingOrder {
  state: ActiveOrder;
  events: RecordedEvent[];
}

/** The orders' streams, `order-<orderId>`. */
@Injectable()
export class OrderStreams extends StreamCommands<OrderCommand, OrderEvent, OrderState> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    super(store, orderDecider, 'order');
  }

  /** Runs the command and says at info what happened to the order (a retried command that appends nothing says nothing). */
  override async execute(id: string, command: OrderCommand, context: CommandContext): Promise<CommandResult<OrderEvent, OrderState>> {
    const result = await super.execute(id, command, context);
    for (const { msg, fields } of orderLogLines(result.events)) this.logger.info(fields, msg);
    return result;
  }

  /** The order (as it stood at `asOf`, when given), or OrderNotFoundError when it did not exist. */
  async existing(orderId: string, asOf?: Date): Promise<ExistingOrder> {
    const events = await this.events(orderId, asOf);
    const state = this.fold(events);
    if (state.status === 'none') throw new OrderNotFoundError();
    return { state, events };
  }
}
