import type { OrderDelivered } from '@marketplace/contracts';
import { Inbox } from '@marketplace/messaging';
import { KNEX } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { DeliveredPurchasesRepository } from '../infrastructure/delivered-purchases-repository';

/** Records what each buyer received, once per event (the inbox, under a key of its own beside inventory's), so that they may review it. */
@Injectable()
export class DeliveredPurchasesService {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    private readonly inbox: Inbox,
    private readonly purchases: DeliveredPurchasesRepository,
  ) {}

  async onOrderDelivered(consumerGroup: string, eventId: string, delivery: OrderDelivered): Promise<void> {
    await this.inbox.handleOnce(this.db, { group: `${consumerGroup}/reviews`, eventId }, (trx) =>
      this.purchases.record(trx, { buyerId: delivery.buyerId, orderId: delivery.orderId, productIds: delivery.productIds, deliveredAt: new Date(delivery.deliveredAt) }),
    );
  }
}
