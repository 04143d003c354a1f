import type { RecordedEvent } from '@marketplace/event-store';
import type { ProjectionDefinition, TableResolver } from '@marketplace/projections';
import type { Knex } from 'knex';
import { sumFacts } from '../../domain/minute-totals';
import { COUNTED_PAYMENT_EVENT_TYPES, type CountedPaymentEvent, type MinuteCounts, paymentFact } from '../../domain/payment-facts';
import { COUNTER_COLUMNS, paymentDeclinesTable, paymentMinutesTable } from './analytics-tables';

export const PAYMENT_ANALYTICS_PROJECTION = 'payment-analytics';

/**
 * Payment facts summed per minute and currency, so that any range and granularity is a sum at query
 * time. Each batch adds its sums to the rows (the runner commits them with the checkpoint, so an
 * event is added once); a rebuild adds them up again from the log.
 */
export const paymentAnalyticsProjection: ProjectionDefinition = {
  name: PAYMENT_ANALYTICS_PROJECTION,
  version: 1,
  handles: COUNTED_PAYMENT_EVENT_TYPES,
  tables: [paymentMinutesTable, paymentDeclinesTable],
  apply: (trx, event, tables) => applyBatch(trx, [event], tables),
  applyBatch,
};

async function applyBatch(trx: Knex.Transaction, recorded: readonly RecordedEvent[], tables: TableResolver): Promise<void> {
  const { totals, declines } = sumFacts(recorded.map((event) => paymentFact({ type: event.type, data: event.data } as CountedPaymentEvent)));
  if (totals.length === 0) return;
  const minutes = tables(paymentMinutesTable.name);
  const counters = Object.values(COUNTER_COLUMNS);
  const rows = totals.map((total) => ({ minute: total.minute, currency: total.currency, ...Object.fromEntries(Object.entries(COUNTER_COLUMNS).map(([name, column]) => [column, total[name as keyof MinuteCounts]])) }));
  await trx.raw(
    `INSERT INTO ${minutes} SELECT * FROM jsonb_populate_recordset(NULL::${minutes}, ?::jsonb)
     ON CONFLICT (minute, currency) DO UPDATE SET ${counters.map((column) => `${column} = ${minutes}.${column} + EXCLUDED.${column}`).join(', ')}`,
    [JSON.stringify(rows)],
  );
  if (declines.length === 0) return;
  const reasons = tables(paymentDeclinesTable.name);
  await trx.raw(
    `INSERT INTO ${reasons} SELECT * FROM jsonb_populate_recordset(NULL::${reasons}, ?::jsonb)
     ON CONFLICT (minute, currency, reason) DO UPDATE SET count = ${reasons}.count + EXCLUDED.count`,
    [JSON.stringify(declines)],
  );
}
