import { BusConfigurationError, type BusLogger, type RedeliveryPolicy } from './bus-support';
import { EmbeddedBus, type EmbeddedTuning } from './embedded';
import type { KafkaTuning } from './kafka/kafka-tuning';
import type { MessageBus } from './port';

export interface MessageBusOptions {
  clientId: string;
  /** When given (and not empty) the bus is Kafka. */
  kafkaBrokers?: string[];
  /** Prepended to every Kafka topic and consumer group on the broker (KAFKA_TOPIC_PREFIX); unused by the embedded bus. */
  kafkaTopicPrefix?: string;
  /** PostgreSQL for the embedded bus, used when no Kafka broker is given. */
  databaseUrl?: string;
  /** Schema of the embedded bus's tables (default `bus`). */
  schema?: string;
  logger?: BusLogger;
  redelivery?: Partial<RedeliveryPolicy>;
  kafka?: Partial<KafkaTuning>;
  embedded?: Partial<EmbeddedTuning>;
}

/** Kafka when brokers are configured, otherwise the embedded bus on PostgreSQL. */
export function createMessageBus(options: MessageBusOptions): MessageBus {
  if (typeof options.clientId !== 'string' || options.clientId.trim() === '') throw new BusConfigurationError('the message bus needs a clientId');
  const { clientId, logger, redelivery } = options;
  const brokers = (options.kafkaBrokers ?? []).map((b) => b.trim()).filter(Boolean);
  if (brokers.length > 0) {
    // Required here rather than imported: kafkajs and the adapter weigh on every process on the embedded bus.
    const { KafkaBus } = require('./kafka/kafka-bus') as typeof import('./kafka/kafka-bus');
    return new KafkaBus({ clientId, brokers, logger, redelivery, tuning: options.kafka, topicPrefix: options.kafkaTopicPrefix });
  }
  if (options.databaseUrl) return new EmbeddedBus({ clientId, databaseUrl: options.databaseUrl, schema: options.schema, logger, redelivery, tuning: options.embedded });
  throw new BusConfigurationError('the message bus needs Kafka brokers (KAFKA_BROKERS) or a database for the embedded bus (DATABASE_URL)');
}
