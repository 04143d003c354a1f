import { Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import type { SalesFigures } from '../domain/sales-series';
import { type AnalyticsScope, inScope } from './fact-filters';
import { orderFactsTable } from './order-facts-table';

const FACTS = orderFactsTable.name;

/** Orders placed and confirmed, and GMV, per UTC bucket and currency, summed from the order facts at query time. */
@Injectable()
export class SalesQueries {
  async figures(db: Knex, scope: AnalyticsScope): Promise<SalesFigures[]> {
    const placed = inScope('placed_at', scope);
    const confirmed = inScope('confirmed_at', scope);
    const { granularity } = scope.range;
    const { rows } = await db.raw<{ rows: { start: Date; currency: string; placed: number; confirmed: number; gmv: string }[] }>(
      `SELECT start, currency, sum(placed)::int AS placed, sum(confirmed)::int AS confirmed, sum(gmv) AS gmv
         FROM (SELECT date_trunc(?, placed_at, 'UTC') AS start, currency, 1 AS placed, 0 AS confirmed, 0::bigint AS gmv
                 FROM ${FACTS} WHERE ${placed.sql}
               UNION ALL
               SELECT date_trunc(?, confirmed_at, 'UTC'), currency, 0, 1, total
                 FROM ${FACTS} WHERE ${confirmed.sql}) AS happenings
        GROUP BY start, currency`,
      [granularity, ...placed.bindings, granularity, ...confirmed.bindings],
    );
    return rows.map((row) => ({ start: row.start, currency: row.currency, placedOrders: row.placed, confirmedOrders: row.confirmed, gmv: Number(row.gmv) }));
  }
}
