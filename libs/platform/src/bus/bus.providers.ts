import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { createMessageBus, type BusLogger, type MessageBus } from '@marketplace/messaging';
import type { Logger } from 'pino';
import type { DataServiceConfig } from '../config/base-config';
import { ReadinessRegistry } from '../health/readiness-registry';
import { LOGGER, PLATFORM_CONFIG } from '../platform-config';

/** DI token of the service's message bus: Kafka when KAFKA_BROKERS is set, else the embedded bus. */
export const MESSAGE_BUS = Symbol('MESSAGE_BUS');

@Injectable()
class BusShutdown implements OnApplicationShutdown {
  constructor(@Inject(MESSAGE_BUS) private readonly bus: MessageBus) {}

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
  }
}

/** The bus's log entries go to the service's log, tagged as coming from the bus. */
function busLogger(logger: Logger): BusLogger {
  const child = logger.child({ component: 'message-bus' });
  return (level, message, fields) => child[level](fields ?? {}, message);
}

export function busProviders(): Provider[] {
  const busProvider: Provider = {
    provide: MESSAGE_BUS,
    inject: [PLATFORM_CONFIG, ReadinessRegistry, LOGGER],
    useFactory: (config: DataServiceConfig, readiness: ReadinessRegistry, logger: Logger): MessageBus => {
      const bus = createMessageBus({
        clientId: config.SERVICE_NAME,
        kafkaBrokers: config.KAFKA_BROKERS,
        kafkaTopicPrefix: config.KAFKA_TOPIC_PREFIX,
        databaseUrl: config.DATABASE_URL,
        logger: busLogger(logger),
      });
      readiness.register('bus', () => bus.ping());
      return bus;
    },
  };
  return [busProvider, BusShutdown];
}
