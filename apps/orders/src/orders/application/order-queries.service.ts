import type { AuthenticatedUser } from '@marketplace/auth';
import { Injectable } from '@nestjs/common';
import { OrderNotFoundError } from '../domain/order-errors';
import type { ActiveOrder } from '../domain/order-state';
import { type ExistingOrder, OrderStreams } from './order-streams';

/**
 * An order read from its stream (consistent: what the last command wrote), optionally as it stood at a
 * past instant. Only its buyer and admins may read it; to anyone else it does not exist.
 */
@Injectable()
export class OrderQueriesService {
  constructor(private readonly orders: OrderStreams) {}

  async forBuyerOrAdmin(caller: AuthenticatedUser, orderId: string, asOf?: Date): Promise<ExistingOrder> {
    const found = await this.orders.existing(orderId, asOf);
    if (found.state.order.buyerId !== caller.id && !caller.roles.includes('admin')) throw new OrderNotFoundError();
    return found;
  }

  /** The order as its seller sees it: it must hold at least one of their lines. */
  async forSeller(seller: AuthenticatedUser, orderId: string): Promise<ActiveOrder> {
    const { state } = await this.orders.existing(orderId);
    if (!state.order.lines.some((line) => line.sellerId === seller.id)) throw new OrderNotFoundError();
    return state;
  }
}
