import { Module } from '@nestjs/common';
import { createMessageBus } from '../create-message-bus';
import { Inbox } from '../inbox/inbox';
import { Outbox } from '../outbox/outbox';
import type { MessageBus } from '../port';
import { MessagingLifecycle } from './messaging-lifecycle';
import { ConfigurableMessagingModule, MESSAGING_OPTIONS, type MessagingModuleOptions } from './messaging-module-options';
import { MESSAGING_BUS, MESSAGING_PRODUCER } from './messaging.tokens';
import { MessagingTransport } from './messaging-transport';

/**
 * A service's messaging: the bus, a producer, its Outbox and Inbox, the transport that feeds its
 * `@EventPattern` handlers (connect it with `connectMessaging(app)`), and optionally its outbox relay.
 * `MessagingModule.forRoot({...})` or `MessagingModule.forRootAsync({ inject, useFactory })`.
 */
@Module({
  providers: [
    {
      provide: MESSAGING_BUS,
      inject: [MESSAGING_OPTIONS],
      useFactory: (options: MessagingModuleOptions): MessageBus => {
        if (options.bus) return options.bus;
        const bus = createMessageBus({
          clientId: options.serviceName,
          kafkaBrokers: options.kafkaBrokers,
          kafkaTopicPrefix: options.kafkaTopicPrefix,
          databaseUrl: options.databaseUrl,
          schema: options.busSchema,
          logger: options.logger,
        });
        options.readiness?.register('bus', () => bus.ping());
        return bus;
      },
    },
    { provide: MESSAGING_PRODUCER, inject: [MESSAGING_BUS], useFactory: (bus: MessageBus) => bus.producer() },
    { provide: Outbox, inject: [MESSAGING_OPTIONS], useFactory: (options: MessagingModuleOptions) => new Outbox({ schema: options.schema }) },
    { provide: Inbox, inject: [MESSAGING_OPTIONS], useFactory: (options: MessagingModuleOptions) => new Inbox({ schema: options.schema }) },
    {
      provide: MessagingTransport,
      inject: [MESSAGING_BUS, MESSAGING_OPTIONS],
      useFactory: (bus: MessageBus, options: MessagingModuleOptions) =>
        new MessagingTransport(bus, {
          groupId: options.groupId ?? options.serviceName,
          batches: options.consumerBatches,
          retry: options.retry,
          metrics: options.metrics,
          logger: options.logger,
        }),
    },
    MessagingLifecycle,
  ],
  exports: [MESSAGING_BUS, MESSAGING_PRODUCER, Outbox, Inbox, MessagingTransport],
})
export class MessagingModule extends ConfigurableMessagingModule {}
