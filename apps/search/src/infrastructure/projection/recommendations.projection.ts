import type { RecordedEvent } from '@marketplace/event-store';
import type { ProjectionDefinition, TableResolver } from '@marketplace/projections';
import type { Knex } from 'knex';
import { coPurchasePairs } from '../../recommendations/domain/basket';
import { evolveOrder, type TrackedOrder } from '../../recommendations/domain/tracked-order';
import { ORDER_EVENT_TYPES, orderFact } from './order-facts';
import { coPurchasesTable, type OrderCountsTable, productSalesTable, TRACKED_ORDERS_TABLE, trackedOrdersTable } from './recommendation-tables';

export const RECOMMENDATIONS_PROJECTION = 'search-recommendations';

/**
 * Purchase counts folded from the order events in search's log: each batch loads the orders it
 * touches, folds in memory (`evolveOrder`, pure), then adds what changed to the counters with one
 * statement per table. Counters that fall to zero (a confirmed order cancelled) are deleted.
 */
export function recommendationsProjection(): ProjectionDefinition {
  const applyBatch = (trx: Knex.Transaction, events: readonly RecordedEvent[], tables: TableResolver) => applyOrderBatch(trx, events, tables);
  return {
    name: RECOMMENDATIONS_PROJECTION,
    version: 1,
    tables: [trackedOrdersTable, coPurchasesTable, productSalesTable],
    handles: ORDER_EVENT_TYPES,
    apply: (trx, event, tables) => applyBatch(trx, [event], tables),
    applyBatch,
  };
}

async function applyOrderBatch(trx: Knex.Transaction, events: readonly RecordedEvent[], tables: TableResolver): Promise<void> {
  const facts = events.flatMap((event) => orderFact(event) ?? []);
  if (facts.length === 0) return;
  const ordersSql = tables(TRACKED_ORDERS_TABLE);
  const orders = await loadOrders(trx, ordersSql, [...new Set(facts.map((fact) => fact.orderId))]);
  const touched = new Set<string>();
  const pairs = new Counter();
  const sales = new Counter();
  for (const fact of facts) {
    const { order, counts } = evolveOrder(orders.get(fact.orderId), fact);
    orders.set(fact.orderId, order);
    touched.add(fact.orderId);
    if (!counts) continue;
    for (const [productId, otherId] of coPurchasePairs(counts.order.products)) pairs.add([productId, otherId], counts.sign);
    for (const productId of counts.order.products) sales.add([productId, counts.order.confirmedDay], counts.sign);
  }
  await writeOrders(trx, ordersSql, [...touched].map((id) => [id, orders.get(id)]));
  await addCounts(trx, tables, coPurchasesTable, pairs);
  await addCounts(trx, tables, productSalesTable, sales);
}

/** Sums of +1/-1 per product and key, so a batch writes each counter once. */
class Counter {
  readonly sums = new Map<string, { key: [string, string]; delta: number }>();

  add(key: [string, string], delta: number): void {
    const id = key.join('|');
    const entry = this.sums.get(id) ?? { key, delta: 0 };
    entry.delta += delta;
    this.sums.set(id, entry);
  }
}

async function loadOrders(trx: Knex.Transaction, table: string, ids: string[]): Promise<Map<string, TrackedOrder | undefined>> {
  const { rows } = await trx.raw<{ rows: { order_id: string; products: string[]; status: TrackedOrder['status']; confirmed_day: string | null }[] }>(
    `SELECT order_id, products, status, to_char(confirmed_day, 'YYYY-MM-DD') AS confirmed_day FROM ${table} WHERE order_id = ANY(?::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.order_id, { orderId: r.order_id, products: r.products, status: r.status, confirmedDay: r.confirmed_day } as TrackedOrder]));
}

async function writeOrders(trx: Knex.Transaction, table: string, orders: [string, TrackedOrder | undefined][]): Promise<void> {
  const kept = orders.flatMap(([, order]) => (order ? [order] : []));
  const gone = orders.flatMap(([id, order]) => (order ? [] : [id]));
  if (gone.length > 0) await trx.raw(`DELETE FROM ${table} WHERE order_id = ANY(?::uuid[])`, [gone]);
  if (kept.length === 0) return;
  await trx.raw(
    `INSERT INTO ${table} (order_id, products, status, confirmed_day)
     SELECT "orderId", products, status, "confirmedDay"
       FROM jsonb_to_recordset(?::jsonb) AS r("orderId" uuid, products jsonb, status text, "confirmedDay" date)
     ON CONFLICT (order_id) DO UPDATE SET products = EXCLUDED.products, status = EXCLUDED.status, confirmed_day = EXCLUDED.confirmed_day`,
    [JSON.stringify(kept)],
  );
}

/** Adds each delta to its counter (creating it), then deletes the counters a negative delta left at zero. */
async function addCounts(trx: Knex.Transaction, tables: TableResolver, { name, key, keyType }: OrderCountsTable, counter: Counter): Promise<void> {
  const rows = [...counter.sums.values()].filter(({ delta }) => delta !== 0).map(({ key: [productId, value], delta }) => ({ productId, value, delta }));
  if (rows.length === 0) return;
  const table = tables(name);
  const recordset = `jsonb_to_recordset(?::jsonb) AS r("productId" uuid, value ${keyType}, delta integer)`;
  await trx.raw(
    `INSERT INTO ${table} AS t (product_id, ${key}, orders)
     SELECT "productId", value, delta FROM ${recordset}
     ON CONFLICT (product_id, ${key}) DO UPDATE SET orders = t.orders + EXCLUDED.orders`,
    [JSON.stringify(rows)],
  );
  const withdrawn = rows.filter(({ delta }) => delta < 0);
  if (withdrawn.length > 0) {
    await trx.raw(`DELETE FROM ${table} t USING ${recordset} WHERE t.product_id = r."productId" AND t.${key} = r.value AND t.orders <= 0`, [JSON.stringify(withdrawn)]);
  }
}
