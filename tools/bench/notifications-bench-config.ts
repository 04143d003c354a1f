import { benchDatabaseUrl, positive, benchKafkaBrokers } from './bench-config';

/** Sizes of `npm run bench:notifications`; each can be changed from the environment. */
export interface NotificationsBenchConfig {
  databaseUrl: string;
  kafkaBrokers?: string[];
  /** Users, each with one open stream in the latency run (BENCH_NOTIFY_USERS, default 1,000). */
  users: number;
  /** Events turned into in-app notifications in the throughput run (BENCH_NOTIFY_EVENTS, default 20,000). */
  events: number;
  /** Events whose commit-to-receipt latency is measured (BENCH_NOTIFY_LATENCY_EVENTS, default 2,000). */
  latencyEvents: number;
  /** Their rate, events/s (BENCH_NOTIFY_RATE, default 200). */
  rate: number;
}

export function notificationsBenchConfig(env: NodeJS.ProcessEnv = process.env): NotificationsBenchConfig {
  const brokers = benchKafkaBrokers(env);
  return {
    databaseUrl: benchDatabaseUrl(env, 'the notifications benchmark'),
    kafkaBrokers: brokers.length > 0 ? brokers : undefined,
    users: positive(env, 'BENCH_NOTIFY_USERS', 1_000),
    events: positive(env, 'BENCH_NOTIFY_EVENTS', 20_000),
    latencyEvents: positive(env, 'BENCH_NOTIFY_LATENCY_EVENTS', 2_000),
    rate: positive(env, 'BENCH_NOTIFY_RATE', 200),
  };
}
