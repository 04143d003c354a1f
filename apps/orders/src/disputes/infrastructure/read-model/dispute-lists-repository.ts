import { decodeCursor, type Page, toPage } from '@marketplace/platform';
import { Injectable } from '@nestjs/common';
import type { Knex } from 'knex';

export interface DisputeListFilter {
  /** Only the disputes this user is a party to (as the buyer or a seller of a line); none for admins. */
  partyId?: string;
  status?: string;
  cursor?: string;
  limit: number;
}

export interface DisputeRow {
  dispute_id: string;
  order_id: string;
  buyer_id: string;
  kind: string;
  status: string;
  reason: string;
  seller_ids: string[];
  product_ids: string[];
  disputed_amount: string;
  currency: string;
  responses: number;
  outcome: string | null;
  refund_amount: string | null;
  opened_at: Date;
  resolved_at: Date | null;
}

/** Pages of the disputes' read model, newest first, by keyset cursor. A party sees only buyers' disputes (chargeback cases are for admins). */
@Injectable()
export class DisputeListsRepository {
  async page(db: Knex, filter: DisputeListFilter): Promise<Page<DisputeRow>> {
    const query = db('dispute_summaries').select<DisputeRow[]>('*');
    const { partyId } = filter;
    if (partyId) query.where('kind', 'buyer').where((party) => party.where('buyer_id', partyId).orWhereRaw('seller_ids @> ?::jsonb', [JSON.stringify([partyId])]));
    if (filter.status) query.where('status', filter.status);
    if (filter.cursor) {
      const after = decodeCursor(filter.cursor);
      query.whereRaw('(opened_at, dispute_id) < (?, ?::uuid)', [after.at, after.id]);
    }
    const rows = await query.orderBy([{ column: 'opened_at', order: 'desc' }, { column: 'dispute_id', order: 'desc' }]).limit(filter.limit + 1);
    return toPage(rows, filter.limit, (row) => ({ at: row.opened_at, id: row.dispute_id }));
  }
}
