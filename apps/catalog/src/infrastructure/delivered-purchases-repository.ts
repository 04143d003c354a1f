import type { Knex } from 'knex';

/** Which buyer received which product: the gate for reviews, fed by orders' OrderDelivered. */
export class DeliveredPurchasesRepository {
  async record(db: Knex, delivery: { buyerId: string; orderId: string; productIds: string[]; deliveredAt: Date }): Promise<void> {
    const rows = [...new Set(delivery.productIds)].map((productId) => ({
      buyer_id: delivery.buyerId,
      product_id: productId,
      order_id: delivery.orderId,
      delivered_at: delivery.deliveredAt,
    }));
    // A product bought again in a later order keeps its first delivery.
    await db('delivered_purchases').insert(rows).onConflict(['buyer_id', 'product_id']).ignore();
  }

  async has(db: Knex, buyerId: string, productId: string): Promise<boolean> {
    return (await db('delivered_purchases').where({ buyer_id: buyerId, product_id: productId }).first('order_id')) !== undefined;
  }
}
