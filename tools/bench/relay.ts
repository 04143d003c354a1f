import { PostgresEventStore } from '@marketplace/event-store';
import { createMessageBus, DEFAULT_RELAY_BATCHING, RelayCheckpoints } from '@marketplace/messaging';
import { createTestDatabase } from '@marketplace/testing';
import knex from 'knex';
import { reportBenchFailure } from './bench-config';
import { machineReport } from './machine-report';
import type { Measurement } from './measurement';
import { benchRawProducer, encodedLog } from './raw-producer-run';
import { relayBenchConfig } from './relay-bench-config';
import { benchRelay, RELAY_SOURCE } from './relay-run';
import { appendOrders, ordersOnto } from './relay-workload';
import { reportTable } from './report-table';
import { deleteTopics, runTopicPrefix } from './run-topics';

const SCHEMA = 'bench_relay';

/**
 * `npm run bench:relay`: the event-store relay publishing a log of OrderPlaced events to Kafka, timed
 * from its start until its checkpoint reaches the end of the log, side by side with a raw kafkajs
 * producer (same settings, same messages from memory) on the same broker, each run on a fresh topic,
 * the order alternating. Prints both rates and the relay's fraction of the raw producer's. Not a test.
 */
async function main(): Promise<void> {
  const config = relayBenchConfig();
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const database = await createTestDatabase('bench_relay');
  const store = new PostgresEventStore({ connectionString: database.url, schema: SCHEMA });
  const db = knex({ client: 'pg', connection: database.url, pool: { min: 0, max: 2 } });
  const bus = createMessageBus({ clientId: 'bench-relay', kafkaBrokers: config.kafkaBrokers });
  const topicPrefix = runTopicPrefix('bench-relay');
  try {
    for (const line of await machineReport(database.url)) log(line);
    log(`relay: batchSize ${DEFAULT_RELAY_BATCHING.batchSize}, lingerMs ${DEFAULT_RELAY_BATCHING.lingerMs}; raw producer: ${config.rawBatch} per send; both idempotent, acks=-1, 1 request in flight`);
    log(`${config.events} events over ${config.streams} streams, ${config.partitions} partitions, ${config.rounds} rounds ...`);
    await store.migrate();
    await new RelayCheckpoints(SCHEMA).migrate(db);
    await appendOrders(store, config.events, config.streams);
    const head = await store.headPosition();
    if (!head) throw new Error('the log is empty after seeding it');
    const messages = await encodedLog(store, ordersOnto('bench'), RELAY_SOURCE);
    if (messages.length !== config.events) {
      throw new Error(`read ${messages.length} of ${config.events} events: a transaction open elsewhere on the server holds the log's read horizon back; run again`);
    }
    log(`  ${messages.length} messages, ${Math.round(messages.reduce((sum, m) => sum + m.value.length, 0) / messages.length)} bytes of JSON each on average`);

    const producer = await bus.producer();
    const rows: Measurement[] = [];
    const ratios: number[] = [];
    for (let round = 0; round < config.rounds; round++) {
      const topic = (target: string) => `${topicPrefix}${round}.${target}`;
      await bus.ensureTopics([topic('relay'), topic('raw')], config.partitions);
      const relayRun = () =>
        benchRelay({ databaseUrl: database.url, schema: SCHEMA, store, producer, name: `bench-${round}`, topic: topic('relay'), events: messages.length, head });
      const rawRun = () => benchRawProducer(config.kafkaBrokers, topic('raw'), messages, config.rawBatch);
      // Alternating, so neither always runs on a warmer broker.
      const [relay, raw] = round % 2 === 0 ? [await relayRun(), await rawRun()] : await rawRun().then(async (r) => [await relayRun(), r]);
      ratios.push(relay.rate / raw.rate);
      log(`  round ${round + 1}: relay ${Math.round(relay.rate)} events/s, raw ${Math.round(raw.rate)} events/s, relay ${ratios[round].toFixed(2)}x raw`);
      rows.push(relay, raw);
    }
    log('');
    log(reportTable(rows));
    log(`relay / raw producer: ${ratios.map((r) => r.toFixed(2)).join(', ')} (mean ${(ratios.reduce((a, b) => a + b, 0) / ratios.length).toFixed(2)})`);
  } finally {
    await bus.close();
    await deleteTopics(config.kafkaBrokers, topicPrefix);
    await store.close();
    await db.destroy();
    await database.drop();
  }
}

main().catch(reportBenchFailure);
