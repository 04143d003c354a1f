import { randomUUID } from 'node:crypto';
import type { BenchApi } from './bench-api';
import type { BenchMarket } from './checkout-market';
import type { OrderCompletions } from './order-completions';
import { type LatencySummary, summarise } from './search-load';

export interface LevelResult extends LatencySummary {
  concurrency: number;
  placed: number;
  confirmed: number;
  cancelled: number;
  errors: number;
  lost: number;
  confirmedPerSecond: number;
  /** When each order's POST was sent (this host's clock, the database's too). */
  sentAt: Map<string, number>;
}

const ADDRESS = { recipientName: 'Bench Buyer', line1: '1 Load Street', city: 'Berlin', postalCode: '10115', country: 'DE' };

/**
 * Closed loop: `concurrency` buyers each place an order (a random product, pm_card_visa), wait until it
 * is confirmed or cancelled, and place the next, for `seconds`. Latency runs from sending POST /orders
 * to the recording of the order's final event. An order without an outcome `lostAfterMs` after the
 * level is lost; an answer other than 202 is an error.
 */
export async function runLevel(api: BenchApi, market: BenchMarket, completions: OrderCompletions, options: { concurrency: number; seconds: number; lostAfterMs: number }): Promise<LevelResult> {
  const latencies: number[] = [];
  const sentAt = new Map<string, number>();
  const outcomes: Promise<void>[] = [];
  let confirmed = 0;
  let cancelled = 0;
  let errors = 0;
  let lost = 0;
  const started = Date.now();
  const ends = started + options.seconds * 1000;
  let lastCompletion = started;

  const buyer = async (token: string) => {
    while (Date.now() < ends) {
      const productId = market.productIds[Math.floor(Math.random() * market.productIds.length)];
      const sent = Date.now();
      const answer = await api
        .call('POST', '/orders', { token, headers: { 'idempotency-key': randomUUID() }, body: { items: [{ productId, quantity: 1 }], shippingAddress: ADDRESS, paymentMethod: 'pm_card_visa' } })
        .catch(() => undefined);
      if (answer?.status !== 202) {
        errors += 1;
        continue;
      }
      const orderId = answer.body.orderId as string;
      sentAt.set(orderId, sent);
      const waited = completions.outcome(orderId, Math.max(0, ends - Date.now()) + options.lostAfterMs).then((completion) => {
        if (!completion) return void (lost += 1);
        if (completion.status === 'confirmed') confirmed += 1;
        else cancelled += 1;
        latencies.push(completion.at - sent);
        lastCompletion = Math.max(lastCompletion, completion.at);
      });
      outcomes.push(waited);
      await waited;
    }
  };
  await Promise.all(market.buyerTokens.slice(0, options.concurrency).map(buyer));
  await Promise.all(outcomes);
  const seconds = (lastCompletion - started) / 1000;
  return { concurrency: options.concurrency, placed: sentAt.size, confirmed, cancelled, errors, lost, confirmedPerSecond: confirmed / seconds, sentAt, ...summarise(latencies) };
}
