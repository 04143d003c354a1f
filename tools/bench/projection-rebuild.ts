import knexFactory from 'knex';
import { Pool } from 'pg';
import { PostgresEventStore, type RecordedEvent } from '@marketplace/event-store';
import { ProjectionEngine, rowProjection } from '@marketplace/projections';
import { createTestDatabase } from '@marketplace/testing';
import { benchConfig, reportBenchFailure } from './bench-config';
import { elapsedSeconds } from './measurement';
import { LOG_SCHEMA, seedLog } from './seed-log';

export interface ProjectionRebuildOptions {
  databaseUrl: string;
  /** Schema of an event store already holding `events` events (as seed-log.ts writes them); seeded here when absent. */
  eventStoreSchema?: string;
  /** Events in the log (default 1,000,000). */
  events?: number;
  /** Events per rebuild transaction (the engine's rebuildBatchSize; default 5,000). */
  batchSize?: number;
}

export interface ProjectionRebuildFigures {
  /** Events the rebuild went through. */
  events: number;
  seconds: number;
  eventsPerSecond: number;
  /** Order summaries in the rebuilt table (a check that the rebuild did the work). */
  rows: number;
  batchSize: number;
}

/** The order events seed-log.ts writes: an order is placed with its first line, then gets more lines. */
interface OrderLineData {
  orderId: string;
  quantity: number;
  unitPrice: { amountMinor: number; currency: string };
}

type OrderSummary = {
  order_id: string;
  status: 'placed';
  line_count: number;
  item_count: number;
  total_minor: number;
  currency: string;
  updated_at: string;
};

const ORDER_PLACED = 'marketplace.orders.OrderPlaced.v1';
const ORDER_LINE_ADDED = 'marketplace.orders.OrderLineAdded.v1';

function evolveOrderSummary(row: OrderSummary | undefined, event: RecordedEvent): OrderSummary | undefined {
  const line = event.data as OrderLineData;
  const base: OrderSummary =
    event.type === ORDER_PLACED || !row
      ? { order_id: line.orderId, status: 'placed', line_count: 0, item_count: 0, total_minor: 0, currency: line.unitPrice.currency, updated_at: '' }
      : row;
  return {
    ...base,
    line_count: base.line_count + 1,
    item_count: base.item_count + line.quantity,
    total_minor: base.total_minor + line.quantity * line.unitPrice.amountMinor,
    updated_at: event.recordedAt.toISOString(),
  };
}

/** A simple, realistic read model: one summary row per order, folded from its placement and lines. */
const orderSummaries = rowProjection<OrderSummary>({
  name: 'order-summaries',
  version: 1,
  handles: [ORDER_PLACED, ORDER_LINE_ADDED],
  table: {
    name: 'order_summaries',
    ddl: (t) => [
      `CREATE TABLE ${t.sql} (
        order_id text PRIMARY KEY,
        status text NOT NULL,
        line_count integer NOT NULL,
        item_count integer NOT NULL,
        total_minor bigint NOT NULL,
        currency char(3) NOT NULL,
        updated_at timestamptz NOT NULL
      )`,
      `CREATE INDEX ${t.ident('status_idx')} ON ${t.sql} (status, updated_at)`,
    ],
  },
  key: 'order_id',
  rowId: (event) => (event.data as Partial<OrderLineData>).orderId,
  evolve: evolveOrderSummary,
});

/**
 * Rebuilds the order-summaries projection from position 0 over a log of `events` events (shadow tables,
 * then the swap) and reports events/s. Seeds the log first (5 events per order) unless given a store
 * schema that already holds one; removes what it created, so it can run inside the event store benchmark.
 */
export async function benchProjectionRebuild(options: ProjectionRebuildOptions): Promise<ProjectionRebuildFigures> {
  const events = options.events ?? 1_000_000;
  const batchSize = options.batchSize ?? 5_000;
  const schema = options.eventStoreSchema ?? LOG_SCHEMA;
  if (!options.eventStoreSchema) await seedLog(options.databaseUrl, events, Math.max(1, Math.floor(events / 5)));

  const pool = new Pool({ connectionString: options.databaseUrl, max: 4 });
  const store = new PostgresEventStore({ pool, schema });
  const knex = knexFactory({ client: 'pg', connection: options.databaseUrl, pool: { min: 0, max: 6 } });
  try {
    const engine = new ProjectionEngine({ knex, eventStore: store, schema, projections: [orderSummaries], rebuildBatchSize: batchSize });
    await engine.migrate();
    const started = process.hrtime.bigint();
    const result = await engine.rebuild(orderSummaries.name);
    const seconds = elapsedSeconds(started);
    if (result.events !== events) throw new Error(`The rebuild went through ${result.events} events, expected ${events}`);
    const { rows } = await knex.raw<{ rows: { count: string }[] }>(`SELECT count(*) FROM "${schema}".order_summaries`);
    return { events: result.events, seconds, eventsPerSecond: result.events / seconds, rows: Number(rows[0].count), batchSize };
  } finally {
    await knex.raw(`DROP TABLE IF EXISTS "${schema}".order_summaries, "${schema}".projection_checkpoints`).catch(() => undefined);
    await knex.destroy();
    await store.close();
    await pool.end();
  }
}

/** `node dist/tools/bench/projection-rebuild.js`: this benchmark alone, in a database of its own. */
async function main(): Promise<void> {
  const config = benchConfig();
  const database = await createTestDatabase('bench_projection');
  try {
    process.stdout.write(`projection rebuild benchmark: ${config.logEvents} events\n`);
    const figures = await benchProjectionRebuild({ databaseUrl: database.url, events: config.logEvents });
    process.stdout.write(
      `  rebuilt ${figures.rows} order summaries from ${figures.events} events in ${figures.seconds.toFixed(1)} s: ` +
        `${Math.round(figures.eventsPerSecond)} events/s (batch ${figures.batchSize})\n`,
    );
  } finally {
    await database.drop();
  }
}

if (require.main === module) {
  main().catch(reportBenchFailure);
}
