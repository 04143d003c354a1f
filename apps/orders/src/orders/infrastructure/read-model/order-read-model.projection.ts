import type { RecordedEvent } from '@marketplace/event-store';
import type { ProjectionDefinition, TableResolver } from '@marketplace/projections';
import type { Knex } from 'knex';
import { ORDER_EVENT_TYPES, type OrderEvent } from '../../domain/order-events';
import { type ActiveOrder, evolveOrder, type OrderState } from '../../domain/order-state';
import { lineRows, summaryRow } from './read-model-rows';
import { orderSummariesTable, sellerOrderLinesTable } from './read-model-tables';

export const ORDER_READ_MODEL = 'order-read-model';

/**
 * The orders' lists, folded with the Order aggregate's own `evolve` (one fold, no second copy of the
 * rules): each batch loads the states of the orders it touches, folds their events, rewrites those
 * orders' summary rows and line rows in a few statements. Rebuildable like every projection.
 */
export const orderReadModelProjection: ProjectionDefinition = {
  name: ORDER_READ_MODEL,
  version: 1,
  handles: ORDER_EVENT_TYPES,
  tables: [orderSummariesTable, sellerOrderLinesTable],
  apply: (trx, event, tables) => applyBatch(trx, [event], tables),
  applyBatch,
};

async function applyBatch(trx: Knex.Transaction, events: readonly RecordedEvent[], tables: TableResolver): Promise<void> {
  const orderEvents = events.filter((event) => event.streamId.startsWith('order-'));
  if (orderEvents.length === 0) return;
  const summaries = tables(orderSummariesTable.name);
  const lines = tables(sellerOrderLinesTable.name);
  const ids = [...new Set(orderEvents.map((event) => (event.data as { orderId: string }).orderId))];
  const { rows } = await trx.raw<{ rows: { order_id: string; state: ActiveOrder }[] }>(`SELECT order_id, state FROM ${summaries} WHERE order_id = ANY(?::uuid[])`, [ids]);
  const states = new Map<string, OrderState>(rows.map((row) => [row.order_id, row.state]));
  const updatedAt = new Map<string, Date>();
  for (const event of orderEvents) {
    const id = (event.data as { orderId: string }).orderId;
    states.set(id, evolveOrder(states.get(id) ?? { status: 'none' }, { type: event.type, data: event.data } as OrderEvent));
    updatedAt.set(id, event.recordedAt);
  }
  const folded = [...states.entries()].filter((entry): entry is [string, ActiveOrder] => entry[1].status !== 'none');
  if (folded.length === 0) return;
  const summaryRows = folded.map(([id, state]) => summaryRow(state, updatedAt.get(id) as Date));
  await upsert(trx, summaries, 'order_id', summaryRows);
  await trx.raw(`DELETE FROM ${lines} WHERE order_id = ANY(?::uuid[])`, [folded.map(([id]) => id)]);
  await trx.raw(`INSERT INTO ${lines} SELECT * FROM jsonb_populate_recordset(NULL::${lines}, ?::jsonb)`, [
    JSON.stringify(folded.flatMap(([id, state]) => lineRows(state, updatedAt.get(id) as Date))),
  ]);
}

async function upsert(trx: Knex.Transaction, table: string, key: string, rows: Record<string, unknown>[]): Promise<void> {
  const columns = Object.keys(rows[0]);
  const updates = columns.filter((column) => column !== key).map((column) => `${column} = EXCLUDED.${column}`);
  await trx.raw(
    `INSERT INTO ${table} (${columns.join(', ')})
     SELECT ${columns.join(', ')} FROM jsonb_populate_recordset(NULL::${table}, ?::jsonb)
     ON CONFLICT (${key}) DO UPDATE SET ${updates.join(', ')}`,
    [JSON.stringify(rows)],
  );
}
