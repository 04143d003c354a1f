import { Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import type { SubjectRequest } from '../domain/conversation';
import type { SubjectFacts } from '../domain/subject-check';

/** Conversations' own copies of what catalog sells (and by whom) and of who bought what from whom. */
@Injectable()
export class SubjectFactsRepository {
  async recordProduct(trx: Knex.Transaction, product: { productId: string; sellerId: string; title: string }, at: Date): Promise<void> {
    await trx('conversation_products')
      .insert({ product_id: product.productId, seller_id: product.sellerId, title: product.title, updated_at: at })
      .onConflict('product_id')
      .merge()
      // A redelivered older event must not undo a newer title.
      .where('conversation_products.updated_at', '<=', at);
  }

  async recordOrder(trx: Knex.Transaction, order: { orderId: string; buyerId: string; sellerIds: string[] }): Promise<void> {
    await trx('conversation_orders')
      .insert({ order_id: order.orderId, buyer_id: order.buyerId, seller_ids: [...new Set(order.sellerIds)] })
      .onConflict('order_id')
      .ignore();
  }

  async find(db: Knex, subject: SubjectRequest): Promise<SubjectFacts | undefined> {
    if (subject.type === 'product') {
      const row = await db('conversation_products').where({ product_id: subject.productId }).first<{ seller_id: string; title: string } | undefined>('seller_id', 'title');
      return row && { type: 'product', productId: subject.productId, sellerId: row.seller_id, title: row.title };
    }
    const row = await db('conversation_orders').where({ order_id: subject.orderId }).first<{ buyer_id: string; seller_ids: string[] } | undefined>('buyer_id', 'seller_ids');
    return row && { type: 'order', orderId: subject.orderId, buyerId: row.buyer_id, sellerIds: row.seller_ids };
  }
}
