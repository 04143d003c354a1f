import { type JsonRow, rowProjection, type TableDefinition } from '@marketplace/projections';
import { PAYOUT_EVENT_TYPES, PAYOUT_STREAM_PREFIX, type PayoutEvent } from '../../domain/payout-events';

export const PAYOUTS_PROJECTION = 'seller-payouts';
export const SELLER_PAYOUTS_TABLE = 'seller_payouts';

export interface PayoutRow extends JsonRow {
  id: string;
  seller_id: string;
  amount: number;
  currency: string;
  status: string;
  provider_payout_id: string | null;
  failure_code: string | null;
  scheduled_at: string;
  updated_at: string;
}

const sellerPayoutsTable: TableDefinition = {
  name: SELLER_PAYOUTS_TABLE,
  ddl: (t) => [
    `CREATE TABLE ${t.sql} (
       id uuid PRIMARY KEY,
       seller_id uuid NOT NULL,
       amount bigint NOT NULL,
       currency text NOT NULL,
       status text NOT NULL,
       provider_payout_id text,
       failure_code text,
       scheduled_at timestamptz NOT NULL,
       updated_at timestamptz NOT NULL
     )`,
    `CREATE INDEX ${t.ident('seller_idx')} ON ${t.sql} (seller_id, scheduled_at DESC, id DESC)`,
    // What the scheduler pays again after a crash or an unreachable provider.
    `CREATE INDEX ${t.ident('scheduled_idx')} ON ${t.sql} (scheduled_at) WHERE status = 'scheduled'`,
  ],
};

/** One row per payout, for the sellers' list and the scheduler's retries. */
export const payoutsProjection = rowProjection<PayoutRow>({
  name: PAYOUTS_PROJECTION,
  version: 1,
  handles: PAYOUT_EVENT_TYPES,
  table: sellerPayoutsTable,
  key: 'id',
  rowId: (event) => (event.streamId.startsWith(PAYOUT_STREAM_PREFIX) ? event.streamId.slice(PAYOUT_STREAM_PREFIX.length) : undefined),
  evolve: (row, recorded) => {
    const event = { type: recorded.type, data: recorded.data } as PayoutEvent;
    const updatedAt = recorded.recordedAt.toISOString();
    switch (event.type) {
      case 'SellerPayoutScheduled': {
        const { payoutId, sellerId, amount, scheduledAt } = event.data;
        return { id: payoutId, seller_id: sellerId, amount: amount.amount, currency: amount.currency, status: 'scheduled', provider_payout_id: null, failure_code: null, scheduled_at: scheduledAt, updated_at: updatedAt };
      }
      case 'SellerPayoutPaid':
        return row && { ...row, status: 'paid', provider_payout_id: event.data.providerPayoutId, updated_at: updatedAt };
      case 'SellerPayoutFailed':
        return row && { ...row, status: 'failed', failure_code: event.data.failureCode, updated_at: updatedAt };
    }
  },
});
