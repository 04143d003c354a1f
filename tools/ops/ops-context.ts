import type { Pool } from 'pg';

/**
 * Where the marketplace is: its database (where each service has its own schema) and the Kafka brokers
 * when it runs in Kafka mode (undefined in embedded mode, where the bus lives in PostgreSQL). The CLI's
 * commands and the ops server's routes both work on it.
 */
export interface OpsConnection {
  readonly pool: Pool;
  readonly databaseUrl: string;
  readonly kafkaBrokers?: readonly string[];
  /** KAFKA_TOPIC_PREFIX: what the services put before every topic and consumer group on the broker. */
  readonly kafkaTopicPrefix?: string;
}

/** What every ops command gets: the connection, and the terminal. */
export interface OpsContext extends OpsConnection {
  readonly out: OpsOutput;
  /** Aborted on Ctrl-C: a long command stops at its next safe point and leaves nothing half done. */
  readonly signal?: AbortSignal;
}

export interface OpsOutput {
  line(text: string): void;
  /**
   * A progress bar on a terminal (a line now and then otherwise); `total` undefined when unknown;
   * `unit` names what is counted (default `events`).
   */
  progress(label: string, total?: number, unit?: string): Progress;
}

export interface Progress {
  /** Adds `count` done items; the bar shows items/s. */
  advance(count: number): void;
  done(summary?: string): void;
}
