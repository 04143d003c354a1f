import type { Money } from '@marketplace/contracts';
import { DependencyUnavailableError, KNEX, type PageCursor } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { SELLER_PAYOUTS_TABLE } from './projection/payouts.projection';

export interface PayoutRecord {
  payoutId: string;
  sellerId: string;
  amount: Money;
  status: 'scheduled' | 'paid' | 'failed';
  providerPayoutId: string | null;
  failureCode: string | null;
  scheduledAt: Date;
}

const UNDEFINED_TABLE = '42P01';

/** Reads of the payouts projection (eventually consistent with the streams). */
@Injectable()
export class PayoutsReadModel {
  constructor(@Inject(KNEX) private readonly db: Knex) {}

  /** A seller's payouts, newest first, strictly after `after`; one more than `limit` to tell whether a page follows. */
  forSeller(sellerId: string, limit: number, after?: PageCursor): Promise<PayoutRecord[]> {
    return this.read(() => {
      const query = this.db(SELLER_PAYOUTS_TABLE).where({ seller_id: sellerId }).orderBy([{ column: 'scheduled_at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(limit + 1);
      if (after) void query.whereRaw('(scheduled_at, id) < (?, ?)', [after.at, after.id]);
      return query.select('*');
    });
  }

  /** Payouts still waiting for the provider's answer, oldest first. */
  unanswered(limit: number): Promise<PayoutRecord[]> {
    return this.read(() => this.db(SELLER_PAYOUTS_TABLE).where({ status: 'scheduled' }).orderBy('scheduled_at').limit(limit).select('*'));
  }

  private async read(query: () => PromiseLike<Record<string, unknown>[]>): Promise<PayoutRecord[]> {
    try {
      return (await query()).map(toRecord);
    } catch (error) {
      if ((error as { code?: string }).code !== UNDEFINED_TABLE) throw error;
      throw new DependencyUnavailableError('The payouts read model is being built; try again shortly.', { code: 'read_model_not_ready', cause: error });
    }
  }
}

function toRecord(row: Record<string, unknown>): PayoutRecord {
  return {
    payoutId: String(row.id),
    sellerId: String(row.seller_id),
    amount: { amount: Number(row.amount), currency: String(row.currency) },
    status: row.status as PayoutRecord['status'],
    providerPayoutId: (row.provider_payout_id as string | null) ?? null,
    failureCode: (row.failure_code as string | null) ?? null,
    scheduledAt: new Date(row.scheduled_at as string | Date),
  };
}
