import { Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import type { PriceEntry, ProductStatus } from '../domain/price-entry';

interface PriceRow {
  product_id: string;
  seller_id: string;
  title: string;
  price_amount: string;
  currency: string;
  status: ProductStatus;
}

const toEntry = (row: PriceRow): PriceEntry => ({
  productId: row.product_id,
  sellerId: row.seller_id,
  title: row.title,
  price: { amount: Number(row.price_amount), currency: row.currency },
  status: row.status,
});

/** The `price_list` table: orders' own copy of what catalog sells and at what price. */
@Injectable()
export class PriceListRepository {
  /** The entries of these products that orders knows, by product id. */
  async find(db: Knex, productIds: readonly string[]): Promise<Map<string, PriceEntry>> {
    if (productIds.length === 0) return new Map();
    const rows = await db<PriceRow>('price_list').whereIn('product_id', [...productIds]).select('*');
    return new Map(rows.map((row) => [row.product_id, toEntry(row)]));
  }

  /** The entry as of the inbox transaction that folds the next event into it. */
  async forUpdate(trx: Knex.Transaction, productId: string): Promise<PriceEntry | undefined> {
    const row = await trx<PriceRow>('price_list').where({ product_id: productId }).forUpdate().first();
    return row && toEntry(row);
  }

  async save(trx: Knex.Transaction, entry: PriceEntry, at: string): Promise<void> {
    const row = {
      product_id: entry.productId,
      seller_id: entry.sellerId,
      title: entry.title,
      price_amount: entry.price.amount,
      currency: entry.price.currency,
      status: entry.status,
      updated_at: at,
    };
    await trx('price_list').insert(row).onConflict('product_id').merge();
  }
}
