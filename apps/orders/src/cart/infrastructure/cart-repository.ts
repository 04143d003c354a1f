import { Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import type { CartItem } from '../domain/cart';

interface CartRow {
  product_id: string;
  quantity: number;
  price_amount: string;
  currency: string;
}

/** The `cart_items` table: one row per product in a buyer's cart. */
@Injectable()
export class CartRepository {
  /** The buyer's items, oldest first; in a transaction, it first takes the buyer's cart lock so changes serialise. */
  async items(db: Knex, buyerId: string): Promise<CartItem[]> {
    if (db.isTransaction) await db.raw('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`cart:${buyerId}`]);
    const rows = await db('cart_items')
      .where({ buyer_id: buyerId })
      .orderBy(['added_at', 'product_id'])
      .select<CartRow[]>('product_id', 'quantity', 'price_amount', 'currency');
    return rows.map((row) => ({ productId: row.product_id, quantity: row.quantity, priceWhenAdded: { amount: Number(row.price_amount), currency: row.currency } }));
  }

  async save(trx: Knex.Transaction, buyerId: string, item: CartItem, at: Date): Promise<void> {
    await trx('cart_items')
      .insert({ buyer_id: buyerId, product_id: item.productId, quantity: item.quantity, price_amount: item.priceWhenAdded.amount, currency: item.priceWhenAdded.currency, added_at: at, updated_at: at })
      .onConflict(['buyer_id', 'product_id'])
      .merge(['quantity', 'price_amount', 'currency', 'updated_at']);
  }

  /** Notes that the buyer put the product in their cart: the analytics' funnel counts carts from these, as ordered items leave the cart. */
  async recordAddition(trx: Knex.Transaction, buyerId: string, item: CartItem, at: Date): Promise<void> {
    await trx('cart_additions')
      .insert({ buyer_id: buyerId, product_id: item.productId, currency: item.priceWhenAdded.currency, added_at: at })
      .onConflict(['buyer_id', 'added_at', 'product_id'])
      .ignore();
  }

  /** Removes these products from the cart; returns how many were there. */
  async remove(db: Knex, buyerId: string, productIds: readonly string[]): Promise<number> {
    return db('cart_items').where({ buyer_id: buyerId }).whereIn('product_id', [...productIds]).delete();
  }
}
