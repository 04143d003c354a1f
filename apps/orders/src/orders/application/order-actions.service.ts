import type { AuthenticatedUser } from '@marketplace/auth';
import { CLOCK, type Clock, ID_GENERATOR, type IdGenerator } from '@marketplace/kernel';
import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext } from '../../shared/command-context';
import type { Actor, OrderCommand } from '../domain/order-commands';
import { OrderNotFoundError } from '../domain/order-errors';
import type { ActiveOrder } from '../domain/order-state';
import { OrderStreams } from './order-streams';

/** The order after a person's command, and the revision of its stream. */
export interface OrderAfter {
  state: ActiveOrder;
  revision: number;
}

/** What people do to an order after placing it: cancel it, ship their lines, confirm delivery. */
@Injectable()
export class OrderActionsService {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    private readonly orders: OrderStreams,
  ) {}

  /** Its buyer cancels as the buyer; an admin cancels anyone's; to others the order does not exist. */
  async cancel(caller: AuthenticatedUser, orderId: string, detail: string | undefined, requestId: string): Promise<OrderAfter> {
    const { order } = (await this.orders.existing(orderId)).state;
    const kind = order.buyerId === caller.id ? 'buyer' : caller.roles.includes('admin') ? 'admin' : undefined;
    if (!kind) throw new OrderNotFoundError();
    return this.run(orderId, { type: 'CancelOrder', by: { kind, userId: caller.id }, detail, at: this.now() }, { kind, userId: caller.id }, requestId);
  }

  ship(seller: AuthenticatedUser, orderId: string, shipment: { productIds?: string[]; carrier: string; trackingNumber: string }, requestId: string): Promise<OrderAfter> {
    const command: OrderCommand = { type: 'ShipLines', sellerId: seller.id, ...shipment, at: this.now() };
    return this.run(orderId, command, { kind: 'seller', userId: seller.id }, requestId);
  }

  async confirmDelivery(buyer: AuthenticatedUser, orderId: string, requestId: string): Promise<OrderAfter> {
    const { order } = (await this.orders.existing(orderId)).state;
    if (order.buyerId !== buyer.id) throw new OrderNotFoundError();
    const actor: Actor = { kind: 'buyer', userId: buyer.id };
    return this.run(orderId, { type: 'ConfirmDelivery', by: actor, at: this.now() }, actor, requestId);
  }


  private async run(orderId: string, command: OrderCommand, actor: Actor, requestId: string): Promise<OrderAfter> {
    const context: CommandContext = { commandId: this.ids.next(), actor, correlationId: requestId };
    const { state, revision } = await this.orders.execute(orderId, command, context);
    if (state.status === 'none' || revision === undefined) throw new OrderNotFoundError();
    return { state, revision };
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
