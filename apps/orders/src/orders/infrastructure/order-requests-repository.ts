import { Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { IdempotentRequests } from '../../shared/idempotent-requests';

/** What a request was first answered with: the order, or the business error it was refused with. */
export type RequestOutcome =
  | { kind: 'placed'; orderId: string; status: string }
  | { kind: 'refused'; code: string; message: string; errorKind: string; details: { field: string; message: string }[] };

export interface OrderRequest {
  requestHash: string;
  orderId: string;
  outcome?: RequestOutcome;
}

/** `order_requests`: one row per buyer and Idempotency-Key, holding the body's hash and the first answer. */
@Injectable()
export class OrderRequestsRepository {
  private readonly requests = new IdempotentRequests<RequestOutcome>('order_requests', 'order_id');

  /** Records the request unless the key is taken; returns the row that holds the key either way. */
  async claim(db: Knex, buyerId: string, key: string, request: OrderRequest, at: Date): Promise<OrderRequest> {
    const { requestHash, id, outcome } = await this.requests.claim(db, buyerId, key, { requestHash: request.requestHash, id: request.orderId }, at);
    return { requestHash, orderId: id, outcome };
  }

  /** Keeps the first answer: a later one for the same key never replaces it. */
  answer(db: Knex, buyerId: string, key: string, outcome: RequestOutcome): Promise<RequestOutcome> {
    return this.requests.answer(db, buyerId, key, outcome);
  }
}
