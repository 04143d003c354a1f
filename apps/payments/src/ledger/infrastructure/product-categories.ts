import { KNEX } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';

const TABLE = 'ledger_product_categories';

/** Which category each product is in, as catalog last said. */
@Injectable()
export class ProductCategories {
  constructor(@Inject(KNEX) private readonly db: Knex) {}

  /** In the inbox's transaction; a redelivered older event must not undo a newer category. */
  async record(trx: Knex.Transaction, productId: string, categoryId: string, at: Date): Promise<void> {
    await trx(TABLE).insert({ product_id: productId, category_id: categoryId, updated_at: at }).onConflict('product_id').merge().where(`${TABLE}.updated_at`, '<=', at);
  }

  /** product id -> category id, for the products catalog has told about. */
  async of(productIds: string[]): Promise<Map<string, string>> {
    const rows = await this.db(TABLE).whereIn('product_id', productIds).select<{ product_id: string; category_id: string }[]>('product_id', 'category_id');
    return new Map(rows.map((row) => [row.product_id, row.category_id]));
  }
}
