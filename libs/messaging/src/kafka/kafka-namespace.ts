import { BusConfigurationError } from '../bus-support';

const PREFIX = /^[a-zA-Z0-9._-]{0,100}$/;

/**
 * A prefix on every topic and consumer group this adapter names on the broker, so that several
 * deployments (staging and a test run, say) can share one Kafka cluster without reading each other's
 * events. Handlers and dead letters keep seeing the logical names (`orders.order.v1`).
 */
export class KafkaNamespace {
  constructor(readonly prefix = '') {
    if (!PREFIX.test(prefix)) throw new BusConfigurationError(`Kafka topic prefix "${prefix}" must be at most 100 characters from [a-zA-Z0-9._-]`);
  }

  topic(logical: string): string {
    return `${this.prefix}${logical}`;
  }

  group(groupId: string): string {
    return `${this.prefix}${groupId}`;
  }

  /** True for a topic or group named in this namespace (every name, without a prefix). */
  owns(onBroker: string): boolean {
    return onBroker.startsWith(this.prefix);
  }

  /** The logical name of a topic or group read from the broker (always one this namespace named). */
  logicalName(onBroker: string): string {
    return this.owns(onBroker) ? onBroker.slice(this.prefix.length) : onBroker;
  }
}
