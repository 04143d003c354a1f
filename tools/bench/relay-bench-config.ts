import { BenchConfigError, benchDatabaseUrl, positive, benchKafkaBrokers } from './bench-config';

/** Sizes of `npm run bench:relay`; each can be changed from the environment. */
export interface RelayBenchConfig {
  databaseUrl: string;
  kafkaBrokers: string[];
  /** Events in the store that each run publishes (BENCH_RELAY_EVENTS, default 50,000). */
  events: number;
  /** Streams (message keys) they are spread over (BENCH_RELAY_STREAMS, default 5,000). */
  streams: number;
  /** Runs of each target, the order alternating (BENCH_RELAY_ROUNDS, default 2). */
  rounds: number;
  /** Messages per send of the raw producer (BENCH_RELAY_RAW_BATCH, default 1,000). */
  rawBatch: number;
  /** Partitions of every topic of the run (BENCH_RELAY_PARTITIONS, default 3, the bus's default). */
  partitions: number;
}

export function relayBenchConfig(env: NodeJS.ProcessEnv = process.env): RelayBenchConfig {
  const kafkaBrokers = benchKafkaBrokers(env);
  if (kafkaBrokers.length === 0) {
    throw new BenchConfigError('No Kafka for the relay benchmark: set KAFKA_BROKERS, e.g. start one with `bash infra/kafka.sh start` and `eval "$(bash infra/env.sh)"`.');
  }
  return {
    databaseUrl: benchDatabaseUrl(env, 'the relay benchmark'),
    kafkaBrokers,
    events: positive(env, 'BENCH_RELAY_EVENTS', 50_000),
    streams: positive(env, 'BENCH_RELAY_STREAMS', 5_000),
    rounds: positive(env, 'BENCH_RELAY_ROUNDS', 2),
    rawBatch: positive(env, 'BENCH_RELAY_RAW_BATCH', 1_000),
    partitions: positive(env, 'BENCH_RELAY_PARTITIONS', 3),
  };
}
