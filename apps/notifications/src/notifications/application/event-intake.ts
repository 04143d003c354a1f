import type { MarketplaceEvent } from '@marketplace/contracts';
import { Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { DirectoryProjection } from '../../directory/application/directory-projection';
import { DisputeFactsRepository } from '../../dispute-facts/dispute-facts-repository';
import { OrderFactsRepository } from '../../order-facts/order-facts-repository';
import { ParkedEvents } from '../infrastructure/parked-events';
import { EventPlanner } from './event-planner';
import type { InAppNotice } from './in-app-delivery';

/**
 * One consumed event, inside its inbox transaction: the projections learn from it, its messages are
 * planned, and events that were waiting for what it taught them are planned too. The in-app notices
 * planned are returned: the transaction delivers them all at its end (`InAppDelivery`).
 */
@Injectable()
export class EventIntake {
  constructor(
    private readonly directory: DirectoryProjection,
    private readonly orders: OrderFactsRepository,
    private readonly disputes: DisputeFactsRepository,
    private readonly parked: ParkedEvents,
    private readonly planner: EventPlanner,
  ) {}

  async take(trx: Knex.Transaction, event: MarketplaceEvent, at: Date): Promise<InAppNotice[]> {
    const user = await this.directory.apply(trx, event);
    const order = await this.orders.apply(trx, event);
    const dispute = await this.disputes.apply(trx, event);
    const inApp = await this.planner.plan(trx, event, at);
    const keys = [user && `user:${user}`, order && `order:${order}`, dispute && `dispute:${dispute}`].filter((key): key is string => Boolean(key));
    for (const key of keys) {
      for (const waiting of await this.parked.release(trx, key)) inApp.push(...(await this.planner.plan(trx, waiting, at)));
    }
    return inApp;
  }
}
