import { KNEX } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';

/**
 * Which dispute windows ran out: the dispute read model holds each delivered order's window (state in
 * PostgreSQL, rebuilt from the events). The order's durable timers close them on the order stream.
 */
@Injectable()
export class DisputeWindows {
  constructor(@Inject(KNEX) private readonly db: Knex) {}

  /** Orders delivered at or before `deliveredBy` whose window is still open, oldest first. */
  due(deliveredBy: Date, limit: number): Promise<string[]> {
    return this.db('dispute_windows').whereNull('closed_at').where('delivered_at', '<=', deliveredBy).orderBy('delivered_at').limit(limit).pluck<string[]>('order_id');
  }
}
