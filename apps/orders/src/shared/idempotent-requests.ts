import type { Knex } from 'knex';

/** A request as claimed: the hash of its body, the id it was given, and its first answer once there is one. */
export interface ClaimedRequest<Outcome> {
  requestHash: string;
  id: string;
  outcome?: Outcome;
}

interface RequestRow<Outcome> {
  request_hash: string;
  outcome: Outcome | null;
  [idColumn: string]: unknown;
}

/**
 * A table of idempotent requests, one row per buyer and Idempotency-Key: the body's hash, the id derived
 * for it, and the first answer (kept: a later one never replaces it).
 */
export class IdempotentRequests<Outcome> {
  constructor(
    private readonly table: string,
    private readonly idColumn: string,
  ) {}

  /** Records the request unless the key is taken; returns the request that holds the key either way. */
  async claim(db: Knex, buyerId: string, key: string, request: { requestHash: string; id: string }, at: Date): Promise<ClaimedRequest<Outcome>> {
    const row = { buyer_id: buyerId, idempotency_key: key, request_hash: request.requestHash, [this.idColumn]: request.id, created_at: at };
    const [inserted] = await db(this.table).insert(row).onConflict(['buyer_id', 'idempotency_key']).ignore().returning('*');
    const stored: RequestRow<Outcome> = inserted ?? (await this.find(db, buyerId, key));
    return { requestHash: stored.request_hash, id: stored[this.idColumn] as string, outcome: stored.outcome ?? undefined };
  }

  async answer(db: Knex, buyerId: string, key: string, outcome: Outcome): Promise<Outcome> {
    const [updated] = await db(this.table)
      .where({ buyer_id: buyerId, idempotency_key: key })
      .whereNull('outcome')
      .update({ outcome: JSON.stringify(outcome) })
      .returning('*');
    return ((updated as RequestRow<Outcome> | undefined) ?? (await this.find(db, buyerId, key))).outcome as Outcome;
  }

  private find(db: Knex, buyerId: string, key: string): Promise<RequestRow<Outcome>> {
    return db(this.table).where({ buyer_id: buyerId, idempotency_key: key }).first<RequestRow<Outcome>>();
  }
}
