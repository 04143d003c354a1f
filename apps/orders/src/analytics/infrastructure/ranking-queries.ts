import type { Money } from '@marketplace/contracts';
import { Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { type AnalyticsScope, inScope } from './fact-filters';
import { orderFactsTable } from './order-facts-table';

const FACTS = orderFactsTable.name;

export interface TopProduct {
  productId: string;
  title: string;
  units: number;
  revenue: Money;
}

export interface TopSeller {
  sellerId: string;
  orders: number;
  units: number;
  revenue: Money;
}

interface Ranked {
  currency: string;
  units: number;
  revenue: string;
}

/**
 * The best products and sellers by revenue (their lines' price snapshots) in the orders confirmed in the
 * range: the top `limit` of each currency, by currency, then revenue, units and id.
 */
@Injectable()
export class RankingQueries {
  async topProducts(db: Knex, scope: AnalyticsScope, limit: number): Promise<TopProduct[]> {
    // A product's title is the one of its latest order, in case the seller renamed it.
    const rows = await this.ranked<{ id: string; title: string }>(db, scope, limit, 'product_id', '(array_agg(line.title ORDER BY facts.placed_at DESC, facts.order_id))[1] AS title');
    return rows.map((row) => ({ productId: row.id, title: row.title, units: row.units, revenue: { amount: Number(row.revenue), currency: row.currency } }));
  }

  async topSellers(db: Knex, scope: AnalyticsScope, limit: number): Promise<TopSeller[]> {
    const rows = await this.ranked<{ id: string; orders: number }>(db, scope, limit, 'seller_id', 'count(DISTINCT facts.order_id)::int AS orders');
    return rows.map((row) => ({ sellerId: row.id, orders: row.orders, units: row.units, revenue: { amount: Number(row.revenue), currency: row.currency } }));
  }

  /** Lines of confirmed orders grouped by currency and `key` (a column of ours), with `extra` figures, ranked within each currency. */
  private async ranked<T>(db: Knex, scope: AnalyticsScope, limit: number, key: 'product_id' | 'seller_id', extra: string): Promise<(T & Ranked)[]> {
    const confirmed = inScope('facts.confirmed_at', scope);
    const { rows } = await db.raw<{ rows: (T & Ranked)[] }>(
      `SELECT * FROM (
         SELECT facts.currency, line.${key} AS id, ${extra}, sum(line.quantity)::int AS units, sum(line.line_total) AS revenue,
                row_number() OVER (PARTITION BY facts.currency ORDER BY sum(line.line_total) DESC, sum(line.quantity) DESC, line.${key}) AS rank
           FROM ${FACTS} AS facts
           CROSS JOIN LATERAL jsonb_to_recordset(facts.lines) AS line(product_id uuid, seller_id uuid, title text, quantity int, line_total bigint)
          WHERE ${confirmed.sql}
          GROUP BY facts.currency, line.${key}) AS ranked
        WHERE rank <= ?
        ORDER BY currency, rank`,
      [...confirmed.bindings, limit],
    );
    return rows;
  }
}
