import { Kafka, Partitioners, type Admin } from 'kafkajs';
import {
  assertConsumerOptions,
  assertPartitionCount,
  assertTopicName,
  BusClosedError,
  BusConfigurationError,
  DEFAULT_REDELIVERY,
  stderrBusLogger,
  type BusLogger,
  type RedeliveryPolicy,
} from '../bus-support';
import type { Consumer, ConsumerOptions, IncomingMessage, MessageBus, Producer } from '../port';
import { KafkaConsumer } from './kafka-consumer';
import { kafkaLogCreator, kafkaLogLevel } from './kafka-log-creator';
import { KafkaNamespace } from './kafka-namespace';
import { KafkaProducer } from './kafka-producer';
import { readKafkaTopic } from './kafka-topic-reader';
import { DEFAULT_KAFKA_TUNING, type KafkaTuning } from './kafka-tuning';

export interface KafkaBusOptions {
  clientId: string;
  brokers: string[];
  logger?: BusLogger;
  tuning?: Partial<KafkaTuning>;
  redelivery?: Partial<RedeliveryPolicy>;
  /** Prepended to every topic and consumer group on the broker (see KafkaNamespace). */
  topicPrefix?: string;
}

/** The message bus on Apache Kafka through kafkajs; the only place that knows the Kafka client. */
export class KafkaBus implements MessageBus {
  readonly kind = 'kafka' as const;
  private readonly kafka: Kafka;
  private readonly tuning: KafkaTuning;
  private readonly logger: BusLogger;
  private readonly redelivery: RedeliveryPolicy;
  private readonly namespace: KafkaNamespace;
  private readonly knownTopics = new Set<string>();
  private readonly producers = new Set<KafkaProducer>();
  private readonly consumers = new Set<KafkaConsumer>();
  private admin?: Promise<Admin>;
  private closed = false;

  constructor(options: KafkaBusOptions) {
    if (options.brokers.length === 0) throw new BusConfigurationError('the Kafka bus needs at least one broker');
    this.tuning = { ...DEFAULT_KAFKA_TUNING, ...options.tuning };
    this.logger = options.logger ?? stderrBusLogger();
    this.redelivery = { ...DEFAULT_REDELIVERY, ...options.redelivery };
    this.namespace = new KafkaNamespace(options.topicPrefix);
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: kafkaLogLevel(this.tuning.clientLogLevel),
      logCreator: kafkaLogCreator(this.logger),
    });
  }

  /** Creates the topics that do not exist yet; existing topics keep their partitions. */
  async ensureTopics(topics: string[], partitions = this.tuning.defaultPartitions): Promise<void> {
    this.assertOpen();
    topics.forEach(assertTopicName);
    assertPartitionCount(partitions);
    const wanted = topics.map((topic) => this.namespace.topic(topic)).filter((topic) => !this.knownTopics.has(topic));
    if (wanted.length === 0) return;
    const admin = await this.connectedAdmin();
    const existing = new Set(await admin.listTopics());
    const missing = [...new Set(wanted.filter((topic) => !existing.has(topic)))];
    if (missing.length > 0) {
      // Resolves false when another client created them first: fine either way.
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: this.tuning.replicationFactor })),
      });
    }
    for (const topic of wanted) this.knownTopics.add(topic);
  }

  async producer(): Promise<Producer> {
    this.assertOpen();
    const client = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await client.connect();
    const producer: KafkaProducer = new KafkaProducer(
      client,
      this.namespace,
      (topics) => this.ensureTopics(topics),
      () => this.producers.delete(producer),
    );
    this.producers.add(producer);
    return producer;
  }

  async consumer(options: ConsumerOptions): Promise<Consumer> {
    this.assertOpen();
    assertConsumerOptions(options);
    await this.ensureTopics(options.topics);
    const { sessionTimeoutMs, rebalanceTimeoutMs, heartbeatIntervalMs, maxWaitTimeMs } = this.tuning;
    const client = this.kafka.consumer({
      groupId: this.namespace.group(options.groupId),
      sessionTimeout: sessionTimeoutMs,
      rebalanceTimeout: rebalanceTimeoutMs,
      heartbeatInterval: heartbeatIntervalMs,
      maxWaitTimeInMs: maxWaitTimeMs,
      allowAutoTopicCreation: false,
    });
    const consumer: KafkaConsumer = new KafkaConsumer(client, options, this.namespace, this.redelivery, this.logger, () => this.consumers.delete(consumer));
    try {
      await consumer.start(this.tuning);
    } catch (error) {
      await client.disconnect().catch(() => undefined);
      throw error;
    }
    this.consumers.add(consumer);
    return consumer;
  }

  async readTopic(topic: string): Promise<IncomingMessage[]> {
    this.assertOpen();
    assertTopicName(topic);
    return readKafkaTopic(this.kafka, await this.connectedAdmin(), this.namespace, topic);
  }

  async ping(): Promise<void> {
    this.assertOpen();
    const admin = await this.connectedAdmin();
    await admin.describeCluster();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.consumers].map((c) => c.stop()));
    await Promise.all([...this.producers].map((p) => p.close()));
    const admin = this.admin;
    this.admin = undefined;
    if (admin) await admin.then((a) => a.disconnect()).catch(() => undefined);
  }

  private connectedAdmin(): Promise<Admin> {
    this.admin ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })().catch((error: unknown) => {
      this.admin = undefined;
      throw error;
    });
    return this.admin;
  }

  private assertOpen(): void {
    if (this.closed) throw new BusClosedError('Kafka bus');
  }
}
