import type { Knex } from 'knex';

/** Who sells a product, as the catalog's own products table says (`sellerId` undefined: no such product). */
export type ProductSeller = { source: 'products'; sellerId: string | undefined } | { source: 'none' };

/**
 * Reads the seller of a product from the catalog schema's products table. While a schema has no
 * products table (inventory deployed on its own), there is no owner to read: `none`.
 */
export class ProductSellers {
  async sellerOf(db: Knex, productId: string): Promise<ProductSeller> {
    const { rows } = await db.raw<{ rows: { present: boolean }[] }>("select to_regclass('products') is not null as present");
    if (!rows[0].present) return { source: 'none' };
    const product = await db<{ id: string; seller_id: string }>('products').where({ id: productId }).first('seller_id');
    return { source: 'products', sellerId: product?.seller_id };
  }
}
