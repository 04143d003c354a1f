import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { BusLogger } from '../bus-support/bus-logger';
import type { ConsumerMetrics } from '../consumer/consumer-metrics';
import type { RetryPolicy } from '../consumer/retry-policy';
import type { OutboxRelayOptions } from '../outbox/outbox-relay';
import type { MessageBus } from '../port';

/** The slice of the platform's readiness registry this module needs, so it does not depend on the platform. */
export interface ReadinessChecks {
  register(name: string, check: () => Promise<void>): void;
}

export interface MessagingModuleOptions {
  /** The service's name: its consumer group (unless `groupId`) and the bus client id. */
  serviceName: string;
  /** The service's schema: outbox, inbox and relay checkpoints live there. */
  schema: string;
  /** The service's PostgreSQL: the embedded bus (when no `bus` nor Kafka is given) and the outbox relay use it. */
  databaseUrl?: string;
  /** A bus the app already has (then the app closes it); otherwise one is made from `kafkaBrokers`/`databaseUrl`. */
  bus?: MessageBus;
  kafkaBrokers?: string[];
  kafkaTopicPrefix?: string;
  /** Schema of the embedded bus (default `bus`). */
  busSchema?: string;
  /** Consumer group of the `@EventPattern` handlers (default `serviceName`). */
  groupId?: string;
  /**
   * Consume a partition batch at a time when some handler is an `@EventBatchPattern` (default true);
   * false hands such handlers batches of one, each committed on its own (see EventConsumerOptions.batches).
   */
  consumerBatches?: boolean;
  retry?: Partial<RetryPolicy>;
  metrics?: ConsumerMetrics;
  logger?: BusLogger;
  /** Run the outbox relay of `schema` in this process (one instance leads; needs `databaseUrl`). */
  outboxRelay?: boolean | Pick<OutboxRelayOptions, 'batchSize' | 'pollIntervalMs' | 'retryMs'>;
  /** Where to register the `bus` readiness check (the platform's ReadinessRegistry) when this module makes the bus. */
  readiness?: ReadinessChecks;
}

export const {
  ConfigurableModuleClass: ConfigurableMessagingModule,
  MODULE_OPTIONS_TOKEN: MESSAGING_OPTIONS,
  OPTIONS_TYPE: MESSAGING_OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE: MESSAGING_ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<MessagingModuleOptions>().setClassMethodName('forRoot').build();
