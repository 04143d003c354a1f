import { Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import type { WindowCounts } from '../domain/rate-window';

/** Request counts per key and fixed window, shared by every instance. */
@Injectable()
export class RateWindowsRepository {
  /**
   * The counts of the key's current and previous windows. The current window's row stays locked until
   * the transaction ends, so that concurrent requests of one key (on any instance) are counted in turn.
   */
  async lockCounts(trx: Knex.Transaction, key: string, windowStart: Date, previousStart: Date): Promise<WindowCounts> {
    await trx('rate_windows').insert({ key, window_start: windowStart, count: 0 }).onConflict(['key', 'window_start']).ignore();
    const current = await trx('rate_windows').where({ key, window_start: windowStart }).forUpdate().first<{ count: number }>('count');
    const previous = await trx('rate_windows').where({ key, window_start: previousStart }).first<{ count: number } | undefined>('count');
    return { current: current.count, previous: previous?.count ?? 0 };
  }

  async increment(trx: Knex.Transaction, key: string, windowStart: Date): Promise<void> {
    await trx('rate_windows').where({ key, window_start: windowStart }).increment('count', 1);
  }

  /** Windows that ended before `before` no longer count for anything. */
  async prune(db: Knex, before: Date): Promise<void> {
    await db('rate_windows').where('window_start', '<', before).delete();
  }
}
