import { TestTokenIssuer } from '@marketplace/auth';
import { createMessageBus } from '@marketplace/messaging';
import { createTestDatabase, ServiceCluster, SseClient, waitFor } from '@marketplace/testing';
import knex from 'knex';
import { randomUUID } from 'node:crypto';
import { machineReport } from './machine-report';
import { reportBenchFailure } from './bench-config';
import { notificationsBenchConfig } from './notifications-bench-config';
import { delivered, publishAll, registrations } from './notifications-events';
import { deleteTopics, runTopicPrefix } from './run-topics';
import { summarise } from './search-load';

const ms = (value: number) => `${value.toFixed(1)} ms`;

/**
 * `npm run bench:notifications`: notifications as its own process on a fresh database and the bus.
 * 1. Throughput: a burst of orders' events, each an in-app notification (the users opted out of
 *    email), timed from the first publish until every notification is stored.
 * 2. Latency: one open stream per user, events published at a steady rate; for each, the time from its
 *    publication (the bus commit included) to the receipt of its notification by the user's stream.
 */
async function main(): Promise<void> {
  const config = notificationsBenchConfig();
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const database = await createTestDatabase('bench_notifications');
  const issuer = await TestTokenIssuer.start();
  const prefix = config.kafkaBrokers ? runTopicPrefix('bench-notifications') : undefined;
  const bus = createMessageBus({ clientId: 'bench-notifications', kafkaBrokers: config.kafkaBrokers, kafkaTopicPrefix: prefix, databaseUrl: database.url });
  const db = knex({ client: 'pg', connection: database.url, pool: { min: 0, max: 2 } });
  let cluster: ServiceCluster | undefined;
  const clients: SseClient[] = [];
  try {
    for (const line of await machineReport(database.url)) log(line);
    log(`notifications as a process (bus: ${config.kafkaBrokers ? 'kafka' : 'embedded'}) ...`);
    cluster = await ServiceCluster.start({
      label: 'bench-notifications',
      databaseUrl: database.url,
      kafkaBrokers: config.kafkaBrokers,
      backends: [{ app: 'notifications', env: { JWKS_URL: issuer.jwksUrl, KAFKA_TOPIC_PREFIX: prefix } }],
    });
    const base = cluster.url('notifications');
    const producer = await bus.producer();
    const users = Array.from({ length: config.users }, () => randomUUID());
    const tokens = await Promise.all(users.map((id) => issuer.sign({ sub: id, email: `${id}@bench.example`, roles: ['buyer'] })));
    await publishAll(producer, registrations(users));
    await waitFor(async () => Number((await db('notifications.users').count('* as n'))[0].n) === users.length, { timeoutMs: 120_000, description: 'the directory' });
    for (let i = 0; i < users.length; i += 50) {
      await Promise.all(tokens.slice(i, i + 50).map((token) => fetch(`${base}/notifications/preferences`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{"email":{"transactional":false}}' })));
    }

    log(`throughput: ${config.events} events, each one in-app notification ...`);
    const start = performance.now();
    await publishAll(producer, Array.from({ length: config.events }, (_, i) => delivered(users[i % users.length])));
    const published = performance.now() - start;
    await waitFor(async () => Number((await db('notifications.inbox_items').count('* as n'))[0].n) >= config.events, { timeoutMs: 30 * 60_000, intervalMs: 200, description: 'every notification stored' });
    const seconds = (performance.now() - start) / 1000;
    log(`  ${Math.round(config.events / seconds)} events/s turned into in-app notifications (${seconds.toFixed(1)} s in all; publishing took ${(published / 1000).toFixed(1)} s)`);

    log(`latency: ${config.users} open streams, ${config.latencyEvents} events at ${config.rate}/s ...`);
    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    for (const [i, token] of tokens.entries()) {
      const client = await SseClient.connect(`${base}/notifications/stream`, { authorization: `Bearer ${token}` });
      client.onEvent((event) => {
        const orderId = String(event.data?.notification?.link ?? '').split('/').at(-1) ?? '';
        const sent = sentAt.get(orderId);
        if (event.event === 'notification' && sent !== undefined) latencies.push(performance.now() - sent);
      });
      clients[i] = client;
    }
    const interval = 1000 / config.rate;
    const paced = performance.now();
    for (let n = 0; n < config.latencyEvents; n++) {
      const event = delivered(users[n % users.length]);
      // Taken before the send: the figure includes the bus commit itself.
      sentAt.set(event.subject, performance.now());
      await producer.send([{ topic: 'orders.order.v1', key: event.subject, value: event }]);
      const wait = paced + (n + 1) * interval - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    await waitFor(() => latencies.length >= config.latencyEvents, { timeoutMs: 120_000, intervalMs: 100, description: 'every notification received' });
    const summary = summarise(latencies);
    log(`  publish -> stream receipt over ${summary.count}: p50 ${ms(summary.p50Ms)}, p95 ${ms(summary.p95Ms)}, p99 ${ms(summary.p99Ms)}, max ${ms(summary.maxMs)}`);
  } finally {
    clients.forEach((client) => client.close());
    await cluster?.stop();
    await bus.close();
    if (config.kafkaBrokers && prefix) await deleteTopics(config.kafkaBrokers, prefix);
    await db.destroy();
    await issuer.close();
    await database.drop();
  }
}

main().catch(reportBenchFailure);
