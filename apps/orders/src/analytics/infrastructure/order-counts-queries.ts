import { Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { type AnalyticsScope, inScope } from './fact-filters';
import { orderFactsTable } from './order-facts-table';

const FACTS = orderFactsTable.name;

export interface FunnelCounts {
  cart: number;
  placed: number;
  confirmed: number;
  delivered: number;
}

/** Counts of orders and buyers from the order facts (and the carts' additions, which are state, not events). */
@Injectable()
export class OrderCountsQueries {
  /** Orders placed in the range, by their status now. */
  async byStatus(db: Knex, scope: AnalyticsScope): Promise<Map<string, number>> {
    const placed = inScope('placed_at', scope);
    const { rows } = await db.raw<{ rows: { key: string; orders: number }[] }>(`SELECT status AS key, count(*)::int AS orders FROM ${FACTS} WHERE ${placed.sql} GROUP BY status`, placed.bindings);
    return new Map(rows.map((row) => [row.key, row.orders]));
  }

  /** Orders cancelled in the range, by reason. */
  async cancellations(db: Knex, scope: AnalyticsScope): Promise<Map<string, number>> {
    const cancelled = inScope('cancelled_at', scope);
    const { rows } = await db.raw<{ rows: { key: string; orders: number }[] }>(
      `SELECT cancel_reason AS key, count(*)::int AS orders FROM ${FACTS} WHERE ${cancelled.sql} GROUP BY cancel_reason`,
      cancelled.bindings,
    );
    return new Map(rows.map((row) => [row.key, row.orders]));
  }

  /** Buyers who put something in a cart in the range; buyers who placed an order in the range, and whose such order was since confirmed, delivered. */
  async funnel(db: Knex, scope: AnalyticsScope): Promise<FunnelCounts> {
    const added = inScope('added_at', scope);
    const placed = inScope('placed_at', scope);
    const { rows } = await db.raw<{ rows: FunnelCounts[] }>(
      `SELECT (SELECT count(DISTINCT buyer_id) FROM cart_additions WHERE ${added.sql})::int AS cart,
              count(DISTINCT buyer_id)::int AS placed,
              (count(DISTINCT buyer_id) FILTER (WHERE confirmed_at IS NOT NULL))::int AS confirmed,
              (count(DISTINCT buyer_id) FILTER (WHERE delivered_at IS NOT NULL))::int AS delivered
         FROM ${FACTS} WHERE ${placed.sql}`,
      [...added.bindings, ...placed.bindings],
    );
    return rows[0];
  }
}
