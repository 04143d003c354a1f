import { Injectable } from '@nestjs/common';
import type { Knex } from 'knex';

/** What a request was first answered with: the order, or the business error it was refused with. */
export type RequestOutcome =
  | { kind: 'placed'; orderId: string; status: string }
  | { kind: 'refused'; code: string; message: string; errorKind: string; details: { field: string; message: string }[] };

export interface OrderRequest {
  requestHash: string;
  orderId: string;
  outcome?: RequestOutcome;
}

interface RequestRow {
  request_hash: string;
  order_id: string;
  outcome: RequestOutcome | null;
}

/** `order_requests`: one row per buyer and Idempotency-Key, holding the body's hash and the first answer. */
@Injectable()
export class OrderRequestsRepository {
  /** Records the request unless the key is taken; returns the row that holds the key either way. */
  async claim(db: Knex, buyerId: string, key: string, request: OrderRequest, at: Date): Promise<OrderRequest> {
    const row = { buyer_id: buyerId, idempotency_key: key, request_hash: request.requestHash, order_id: request.orderId, created_at: at };
    const [inserted] = await db('order_requests').insert(row).onConflict(['buyer_id', 'idempotency_key']).ignore().returning('*');
    const stored: RequestRow = inserted ?? (await this.find(db, buyerId, key));
    return { requestHash: stored.request_hash, orderId: stored.order_id, outcome: stored.outcome ?? undefined };
  }

  /** Keeps the first answer: a later one for the same key never replaces it. */
  async answer(db: Knex, buyerId: string, key: string, outcome: RequestOutcome): Promise<RequestOutcome> {
    const [updated] = await db('order_requests')
      .where({ buyer_id: buyerId, idempotency_key: key })
      .whereNull('outcome')
      .update({ outcome: JSON.stringify(outcome) })
      .returning('*');
    return ((updated as RequestRow | undefined) ?? (await this.find(db, buyerId, key))).outcome as RequestOutcome;
  }

  private find(db: Knex, buyerId: string, key: string): Promise<RequestRow> {
    return db('order_requests').where({ buyer_id: buyerId, idempotency_key: key }).first<RequestRow>();
  }
}
