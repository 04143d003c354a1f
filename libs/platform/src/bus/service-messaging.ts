import { type MessageBus, MessagingModule } from '@marketplace/messaging';
import type { DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import type { DataServiceConfig } from '../config/base-config';
import { schemaFor } from '../database/service-database';
import { LOGGER, PLATFORM_CONFIG } from '../platform-config';
import { MESSAGE_BUS } from './bus.providers';

export interface ServiceMessagingOptions<C extends DataServiceConfig> {
  /** The consumer group of the service's @EventPattern handlers; default its SERVICE_NAME. */
  groupId?: (config: C) => string | undefined;
  /** Run the relay of the service's outbox (default true); false for a service that publishes nothing. */
  outboxRelay?: boolean;
  /** Whether its `@EventBatchPattern` handlers get partition batches (default true) or batches of one. */
  consumerBatches?: (config: C) => boolean | undefined;
}

/**
 * A data-owning service's messaging: MessagingModule on the platform's bus, with the service's own
 * schema for its outbox and inbox, its outbox relay running in the service, and the service's logger.
 * Global, so that every feature module of the service writes to the same Outbox and Inbox.
 */
export function serviceMessaging<C extends DataServiceConfig>(options: ServiceMessagingOptions<C> = {}): DynamicModule {
  const module = MessagingModule.forRootAsync({
    inject: [PLATFORM_CONFIG, MESSAGE_BUS, LOGGER],
    useFactory: (config: C, bus: MessageBus, logger: Logger) => {
      const log = logger.child({ component: 'messaging' });
      return {
        serviceName: config.SERVICE_NAME,
        groupId: options.groupId?.(config),
        consumerBatches: options.consumerBatches?.(config),
        schema: schemaFor(config.SERVICE_NAME),
        databaseUrl: config.DATABASE_URL,
        bus,
        outboxRelay: options.outboxRelay ?? true,
        logger: (level, message, fields) => log[level](fields ?? {}, message),
      };
    },
  });
  return { ...module, global: true };
}
