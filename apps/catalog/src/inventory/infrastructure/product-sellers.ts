import type { Knex } from 'knex';

/** Who sells a product, as the catalog's own products table says; undefined when there is no such product. */
export class ProductSellers {
  async sellerOf(db: Knex, productId: string): Promise<string | undefined> {
    const product = await db<{ id: string; seller_id: string }>('products').where({ id: productId }).first('seller_id');
    return product?.seller_id;
  }
}
