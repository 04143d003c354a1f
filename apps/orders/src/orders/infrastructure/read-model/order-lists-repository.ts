import { decodeCursor, type Page, type PageCursor, toPage } from '@marketplace/platform';
import { Injectable } from '@nestjs/common';
import type { Knex } from 'knex';

export interface OrderListFilter {
  buyerId?: string;
  sellerId?: string;
  status?: string;
  from?: Date;
  to?: Date;
  cursor?: string;
  limit: number;
}

export interface SummaryRow {
  order_id: string;
  buyer_id: string;
  status: string;
  currency: string;
  total: string;
  refunded: string;
  line_count: number;
  item_count: number;
  seller_ids: string[];
  cancel_reason: string | null;
  placed_at: Date;
  confirmed_at: Date | null;
  shipped_at: Date | null;
  delivered_at: Date | null;
  cancelled_at: Date | null;
}

export interface LineRow {
  order_id: string;
  product_id: string;
  title: string;
  quantity: number;
  unit_price: string;
  line_total: string;
  currency: string;
  line_status: string;
  order_status: string;
  carrier: string | null;
  tracking_number: string | null;
  shipped_at: Date | null;
  placed_at: Date;
}

const SUMMARY_COLUMNS = ['order_id', 'buyer_id', 'status', 'currency', 'total', 'refunded', 'line_count', 'item_count', 'seller_ids', 'cancel_reason', 'placed_at', 'confirmed_at', 'shipped_at', 'delivered_at', 'cancelled_at'];
const byPlacement = (row: { placed_at: Date; order_id: string }): PageCursor => ({ at: row.placed_at, id: row.order_id });

/** Pages of the order read model, newest first, by keyset cursor. */
@Injectable()
export class OrderListsRepository {
  async summaries(db: Knex, filter: OrderListFilter): Promise<Page<SummaryRow>> {
    const query = db('order_summaries').select<SummaryRow[]>(SUMMARY_COLUMNS);
    if (filter.buyerId) query.where('buyer_id', filter.buyerId);
    if (filter.sellerId) query.whereRaw('seller_ids @> ?::jsonb', [JSON.stringify([filter.sellerId])]);
    if (filter.status) query.where('status', filter.status);
    if (filter.from) query.where('placed_at', '>=', filter.from);
    if (filter.to) query.where('placed_at', '<', filter.to);
    return toPage(await this.page<SummaryRow>(query, filter), filter.limit, byPlacement);
  }

  /** A seller's lines, grouped by order: the page is of orders, each with all of this seller's lines. */
  async sellerLines(db: Knex, sellerId: string, filter: { status?: string; cursor?: string; limit: number }): Promise<Page<{ order_id: string; placed_at: Date; lines: LineRow[] }>> {
    const orders = db('seller_order_lines').where('seller_id', sellerId).distinct<{ order_id: string; placed_at: Date }[]>('order_id', 'placed_at');
    if (filter.status) orders.where('line_status', filter.status);
    const page = toPage(await this.page<{ order_id: string; placed_at: Date }>(orders, filter), filter.limit, byPlacement);
    const ids = page.items.map((order) => order.order_id);
    const lines = ids.length === 0 ? [] : await db('seller_order_lines').where('seller_id', sellerId).whereIn('order_id', ids).orderBy('product_id').select<LineRow[]>('*');
    return { ...page, items: page.items.map((order) => ({ ...order, lines: lines.filter((line) => line.order_id === order.order_id) })) };
  }

  private page<T>(query: Knex.QueryBuilder, filter: { cursor?: string; limit: number }): Promise<T[]> {
    if (filter.cursor) {
      const after = decodeCursor(filter.cursor);
      query.whereRaw('(placed_at, order_id) < (?, ?::uuid)', [after.at, after.id]);
    }
    return query.orderBy([{ column: 'placed_at', order: 'desc' }, { column: 'order_id', order: 'desc' }]).limit(filter.limit + 1);
  }
}
