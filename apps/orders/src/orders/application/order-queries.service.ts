import type { AuthenticatedUser } from '@marketplace/auth';
import type { RecordedEvent } from '@marketplace/event-store';
import { Injectable } from '@nestjs/common';
import { OrderNotFoundError } from '../domain/order-errors';
import type { ActiveOrder } from '../domain/order-state';
import { OrderStreams } from './order-streams';

export interface OrderAsOf {
  state: ActiveOrder;
  events: RecordedEvent[];
}

/**
 * An order read from its stream (consistent: what the last command wrote), optionally as it stood at a
 * past instant. Only its buyer and admins may read it; to anyone else it does not exist.
 */
@Injectable()
export class OrderQueriesService {
  constructor(private readonly orders: OrderStreams) {}

  async forBuyerOrAdmin(caller: AuthenticatedUser, orderId: string, asOf?: Date): Promise<OrderAsOf> {
    const found = await this.read(orderId, asOf);
    if (found.state.order.buyerId !== caller.id && !caller.roles.includes('admin')) throw new OrderNotFoundError();
    return found;
  }

  /** The order as its seller sees it: it must hold at least one of their lines. */
  async forSeller(seller: AuthenticatedUser, orderId: string): Promise<ActiveOrder> {
    const { state } = await this.read(orderId);
    if (!state.order.lines.some((line) => line.sellerId === seller.id)) throw new OrderNotFoundError();
    return state;
  }

  private async read(orderId: string, asOf?: Date): Promise<OrderAsOf> {
    const events = await this.orders.events(orderId, asOf);
    const state = this.orders.fold(events);
    if (state.status === 'none') throw new OrderNotFoundError();
    return { state, events };
  }
}
