import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import {
  assertConsumerOptions,
  assertPartitionCount,
  assertTopicName,
  BusClosedError,
  DEFAULT_REDELIVERY,
  errorFields,
  stderrBusLogger,
  type BusLogger,
  type RedeliveryPolicy,
} from '../bus-support';
import type { Consumer, ConsumerOptions, IncomingMessage, MessageBus, Producer } from '../port';
import { busTables, type BusTables } from './bus-tables';
import type { EmbeddedContext } from './embedded-context';
import { EmbeddedConsumer } from './embedded-consumer';
import { EmbeddedProducer } from './embedded-producer';
import { readEmbeddedTopic } from './embedded-topic-reader';
import { createMissingTopics, partitionCounts } from './embedded-topics';
import { DEFAULT_EMBEDDED_TUNING, type EmbeddedTuning } from './embedded-tuning';
import { MessageNotifier } from './message-notifier';
import { migrateBusSchema } from './migrate-bus-schema';

export interface EmbeddedBusOptions {
  clientId: string;
  databaseUrl: string;
  /** Schema holding the bus's tables (default `bus`). */
  schema?: string;
  logger?: BusLogger;
  tuning?: Partial<EmbeddedTuning>;
  redelivery?: Partial<RedeliveryPolicy>;
  /** Connections kept by this bus client (default 10). */
  poolSize?: number;
}

/**
 * The message bus over PostgreSQL, for running the whole system on one machine: a durable log per
 * topic partition, consumer groups with committed offsets and leased partition ownership, and
 * LISTEN/NOTIFY so consumers see a commit within milliseconds. Same guarantees as the Kafka adapter.
 */
export class EmbeddedBus implements MessageBus {
  readonly kind = 'embedded' as const;
  private readonly pool: Pool;
  private readonly tables: BusTables;
  private readonly tuning: EmbeddedTuning;
  private readonly notifier: MessageNotifier;
  private readonly context: EmbeddedContext;
  private readonly knownPartitions = new Map<string, number>();
  private readonly consumers = new Set<EmbeddedConsumer>();
  private readonly producers = new Set<EmbeddedProducer>();
  private migrated?: Promise<void>;
  private closed = false;

  constructor(private readonly options: EmbeddedBusOptions) {
    this.tables = busTables(options.schema ?? 'bus');
    this.tuning = { ...DEFAULT_EMBEDDED_TUNING, ...options.tuning };
    const logger = options.logger ?? stderrBusLogger();
    this.pool = new Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10, application_name: options.clientId });
    this.pool.on('error', (error) => logger('warn', 'embedded bus: idle database connection failed', errorFields(error)));
    this.notifier = new MessageNotifier(options.databaseUrl, this.tables.channel, logger);
    this.context = {
      pool: this.pool,
      tables: this.tables,
      notifier: this.notifier,
      tuning: this.tuning,
      redelivery: { ...DEFAULT_REDELIVERY, ...options.redelivery },
      logger,
      ready: () => this.ready(),
      partitionCounts: (topics) => this.partitionCounts(topics),
    };
  }

  async ensureTopics(topics: string[], partitions = this.tuning.defaultPartitions): Promise<void> {
    this.assertOpen();
    topics.forEach(assertTopicName);
    assertPartitionCount(partitions);
    await this.ready();
    await createMissingTopics(this.pool, this.tables, topics, partitions);
  }

  async producer(): Promise<Producer> {
    this.assertOpen();
    await this.ready();
    const producer = new EmbeddedProducer(this.context);
    this.producers.add(producer);
    return producer;
  }

  async consumer(options: ConsumerOptions): Promise<Consumer> {
    this.assertOpen();
    assertConsumerOptions(options);
    await this.ready();
    const consumer = new EmbeddedConsumer(this.context, `${this.options.clientId}-${randomUUID()}`, options);
    await consumer.start();
    this.consumers.add(consumer);
    return { stop: () => consumer.stop().finally(() => this.consumers.delete(consumer)) };
  }

  async readTopic(topic: string): Promise<IncomingMessage[]> {
    this.assertOpen();
    assertTopicName(topic);
    await this.ready();
    return readEmbeddedTopic(this.pool, this.tables, topic);
  }

  async ping(): Promise<void> {
    this.assertOpen();
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.consumers].map((c) => c.stop()));
    await Promise.all([...this.producers].map((p) => p.close()));
    await this.notifier.close();
    await this.pool.end();
  }

  private ready(): Promise<void> {
    this.migrated ??= migrateBusSchema(this.pool, this.tables).catch((error: unknown) => {
      this.migrated = undefined; // let the next call try again (database not up yet)
      throw error;
    });
    return this.migrated;
  }

  private async partitionCounts(topics: string[]): Promise<Map<string, number>> {
    const missing = topics.filter((topic) => !this.knownPartitions.has(topic));
    if (missing.length > 0) {
      await this.ensureTopics(missing);
      for (const [topic, count] of await partitionCounts(this.pool, this.tables, missing)) this.knownPartitions.set(topic, count);
    }
    return new Map(topics.map((topic) => [topic, this.knownPartitions.get(topic) as number]));
  }

  private assertOpen(): void {
    if (this.closed) throw new BusClosedError('embedded bus');
  }
}
