import type { RecordedEvent } from '@marketplace/event-store';
import type { ProjectionDefinition, TableResolver } from '@marketplace/projections';
import type { Knex } from 'knex';
import { applyToBook, emptyBook, isPayoutEvent, LEDGER_EVENT_TYPES, type LedgerEvent } from '../../domain/ledger-book';
import { SELLER_ACCOUNTS } from '../../domain/ledger-entries';
import type { OrderLedger } from '../../domain/order-ledger-state';
import { balanceRows, entryRows } from './ledger-rows';
import { ledgerEntriesTable, ledgerOrdersTable, sellerBalancesTable } from './ledger-tables';

export const LEDGER_PROJECTION = 'seller-ledger';

/**
 * The sellers' ledger, folded from payments' own log (payments, payouts and the order facts the ledger
 * recorded), so a rebuild derives the same transactions. Each batch loads the orders it touches, folds
 * its events in memory, then writes the orders, the new entries and the balances' changes together.
 */
export const ledgerProjection: ProjectionDefinition = {
  name: LEDGER_PROJECTION,
  version: 1,
  handles: LEDGER_EVENT_TYPES,
  tables: [ledgerOrdersTable, ledgerEntriesTable, sellerBalancesTable],
  apply: (trx, event, tables) => applyBatch(trx, [event], tables),
  applyBatch,
};

async function applyBatch(trx: Knex.Transaction, recorded: readonly RecordedEvent[], tables: TableResolver): Promise<void> {
  const events = recorded.map((event) => ({ id: event.id, event: { type: event.type, data: event.data } as LedgerEvent }));
  const orderIds = [...new Set(events.flatMap(({ event }) => (isPayoutEvent(event) ? [] : [event.data.orderId])))];
  const orders = tables(ledgerOrdersTable.name);
  const { rows } = await trx.raw<{ rows: { order_id: string; state: OrderLedger }[] }>(`SELECT order_id, state FROM ${orders} WHERE order_id = ANY(?::uuid[])`, [orderIds]);
  // Balances start empty: what the batch adds to them.
  const book = { ...emptyBook(), orders: new Map(rows.map((row) => [row.order_id, row.state])) };
  for (const { id, event } of events) applyToBook(book, event, id);
  const at = recorded.at(-1)?.recordedAt.toISOString();
  if (orderIds.length > 0) await upsertOrders(trx, orders, orderIds.map((orderId) => ({ order_id: orderId, state: book.orders.get(orderId), updated_at: at })));
  if (book.transactions.length === 0) return;
  const entries = tables(ledgerEntriesTable.name);
  await trx.raw(`INSERT INTO ${entries} SELECT * FROM jsonb_populate_recordset(NULL::${entries}, ?::jsonb)`, [JSON.stringify(entryRows(book.transactions))]);
  const balances = tables(sellerBalancesTable.name);
  const added = [...SELLER_ACCOUNTS, 'payouts_scheduled'].map((column) => `${column} = ${balances}.${column} + EXCLUDED.${column}`);
  await trx.raw(
    `INSERT INTO ${balances} SELECT * FROM jsonb_populate_recordset(NULL::${balances}, ?::jsonb)
     ON CONFLICT (seller_id, currency) DO UPDATE SET ${added.join(', ')}`,
    [JSON.stringify(balanceRows(book.balances, book.transactions))],
  );
}

async function upsertOrders(trx: Knex.Transaction, table: string, rows: Record<string, unknown>[]): Promise<void> {
  await trx.raw(
    `INSERT INTO ${table} SELECT * FROM jsonb_populate_recordset(NULL::${table}, ?::jsonb)
     ON CONFLICT (order_id) DO UPDATE SET state = EXCLUDED.state, updated_at = EXCLUDED.updated_at`,
    [JSON.stringify(rows)],
  );
}
