import type { Knex } from 'knex';
import { percentile } from './measurement';

/** The steps of a checkout, each from one record to the next, in the order they happen. */
const HOPS = [
  ['POST /orders sent', 'OrderPlaced', 'gateway, orders places'],
  ['OrderPlaced', 'catalog StockReserved', 'orders relay, bus, catalog reserves'],
  ['catalog StockReserved', 'OrderPaymentRequested', 'catalog outbox relay, bus, orders checkout'],
  ['OrderPaymentRequested', 'PaymentCaptured', 'orders relay, bus, payments and its provider'],
  ['PaymentCaptured', 'OrderConfirmed', 'payments relay, bus, orders checkout'],
] as const;

/**
 * Where the time of the confirmed orders went: for each step, the percentiles and the longest between the
 * records that bound it, read from the stores of orders, catalog and payments (one clock: one database),
 * the first from when the benchmark sent the POST. A record's time is its transaction's start.
 */
export async function checkoutHops(db: Knex, sentAt: Map<string, number>): Promise<string[]> {
  const orderIds = [...sentAt.keys()];
  if (orderIds.length === 0) return [];
  const { rows } = await db.raw<{ rows: { order_id: string; step: string; at: Date }[] }>(
    `WITH o AS (
       SELECT substr(stream_id, 7) AS order_id, type AS step, recorded_at AS at, data FROM orders.events
        WHERE stream_id = ANY(?) AND type IN ('OrderPlaced', 'OrderPaymentRequested', 'OrderConfirmed'))
     SELECT order_id, step, at FROM o
     UNION ALL SELECT key, 'catalog StockReserved', enqueued_at FROM catalog.outbox WHERE key = ANY(?) AND event_type = 'marketplace.catalog.StockReserved.v1'
     UNION ALL SELECT o.order_id, p.type, p.recorded_at FROM o JOIN payments.events p ON p.stream_id = 'payment-' || (o.data->>'paymentId')
      WHERE o.step = 'OrderPaymentRequested' AND p.type = 'PaymentCaptured'`,
    [orderIds.map((id) => `order-${id}`), orderIds],
  );
  const at = new Map<string, Map<string, number>>(orderIds.map((id) => [id, new Map([['POST /orders sent', sentAt.get(id) as number]])]));
  for (const row of rows) at.get(row.order_id)?.set(row.step, new Date(row.at).getTime());
  return HOPS.map(([from, to, what]) => {
    const spans = [...at.values()].flatMap((steps) => (steps.has(from) && steps.has(to) ? [(steps.get(to) as number) - (steps.get(from) as number)] : [])).sort((a, b) => a - b);
    return `  ${from} -> ${to} (${what}): p50 ${percentile(spans, 50)} ms, p95 ${percentile(spans, 95)} ms, p99 ${percentile(spans, 99)} ms, max ${spans.at(-1) ?? 0} ms (${spans.length} orders)`;
  });
}
