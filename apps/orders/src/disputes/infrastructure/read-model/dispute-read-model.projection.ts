import type { OrderDelivered, OrderDisputeWindowClosed } from '@marketplace/contracts';
import type { RecordedEvent } from '@marketplace/event-store';
import type { ProjectionDefinition, TableResolver } from '@marketplace/projections';
import type { Knex } from 'knex';
import { DISPUTE_EVENT_TYPES, type DisputeEvent } from '../../domain/dispute-events';
import { disputeSummariesTable, disputeWindowsTable } from './dispute-read-model-tables';

export const DISPUTE_READ_MODEL = 'dispute-read-model';

/**
 * The disputes' lists, and the open dispute windows the durable timer closes (from the orders'
 * OrderDelivered and OrderDisputeWindowClosed). Rebuildable like every projection.
 */
export const disputeReadModelProjection: ProjectionDefinition = {
  name: DISPUTE_READ_MODEL,
  version: 1,
  handles: [...DISPUTE_EVENT_TYPES, 'OrderDelivered', 'OrderDisputeWindowClosed'],
  tables: [disputeSummariesTable, disputeWindowsTable],
  apply,
};

async function apply(trx: Knex.Transaction, event: RecordedEvent, tables: TableResolver): Promise<void> {
  if (event.streamId.startsWith('order-')) return applyWindow(trx, event, tables(disputeWindowsTable.name));
  if (!event.streamId.startsWith('dispute-')) return;
  const summaries = tables(disputeSummariesTable.name);
  const { type, data } = { type: event.type, data: event.data } as DisputeEvent;
  const at = event.recordedAt;
  switch (type) {
    case 'DisputeOpened': {
      const sellers = [...new Set(data.lines.map((line) => line.sellerId))];
      const total = data.lines.reduce((sum, line) => sum + line.amount.amount, 0);
      await trx.raw(
        `INSERT INTO ${summaries} (dispute_id, order_id, buyer_id, kind, status, reason, seller_ids, product_ids, disputed_amount, currency, responses, opened_at, updated_at)
         VALUES (?, ?, ?, ?, 'open', ?, ?::jsonb, ?::jsonb, ?, ?, 0, ?, ?) ON CONFLICT (dispute_id) DO NOTHING`,
        [data.disputeId, data.orderId, data.buyerId, data.kind, data.reason, JSON.stringify(sellers), JSON.stringify(data.lines.map((line) => line.productId)), total, data.lines[0].amount.currency, data.openedAt, at],
      );
      return;
    }
    case 'DisputeResponded':
      await trx.raw(`UPDATE ${summaries} SET responses = responses + 1, updated_at = ? WHERE dispute_id = ?`, [at, data.disputeId]);
      return;
    case 'DisputeReturnRequested':
      await trx.raw(`UPDATE ${summaries} SET status = 'return_requested', updated_at = ? WHERE dispute_id = ?`, [at, data.disputeId]);
      return;
    case 'DisputeResolved':
      await trx.raw(`UPDATE ${summaries} SET status = 'resolved', outcome = ?, refund_amount = ?, resolved_at = ?, updated_at = ? WHERE dispute_id = ?`, [
        data.outcome,
        data.refund?.amount ?? null,
        data.resolvedAt,
        at,
        data.disputeId,
      ]);
      return;
    default: {
      const unknown: never = type;
      throw new Error(`Unknown dispute event ${String(unknown)}`);
    }
  }
}

async function applyWindow(trx: Knex.Transaction, event: RecordedEvent, windows: string): Promise<void> {
  if (event.type === 'OrderDelivered') {
    const { orderId, deliveredAt } = event.data as OrderDelivered;
    await trx.raw(`INSERT INTO ${windows} (order_id, delivered_at) VALUES (?, ?) ON CONFLICT (order_id) DO NOTHING`, [orderId, deliveredAt]);
  } else if (event.type === 'OrderDisputeWindowClosed') {
    const { orderId, closedAt } = event.data as OrderDisputeWindowClosed;
    await trx.raw(`UPDATE ${windows} SET closed_at = ? WHERE order_id = ?`, [closedAt, orderId]);
  }
}
