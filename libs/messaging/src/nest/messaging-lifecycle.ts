import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { OutboxRelay } from '../outbox/outbox-relay';
import type { MessageBus, Producer } from '../port';
import { MESSAGING_OPTIONS, type MessagingModuleOptions } from './messaging-module-options';
import { MESSAGING_BUS, MESSAGING_PRODUCER } from './messaging.tokens';

export class MessagingConfigurationError extends Error {
  override readonly name = 'MessagingConfigurationError';
}

/** Starts the outbox relay once the app is up; on shutdown stops it, then closes the producer and (if it made it) the bus. */
@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private relay?: OutboxRelay;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    @Inject(MESSAGING_BUS) private readonly bus: MessageBus,
    @Inject(MESSAGING_PRODUCER) private readonly producer: Producer,
  ) {}

  onApplicationBootstrap(): void {
    const { outboxRelay, databaseUrl, schema, logger } = this.options;
    if (!outboxRelay) return;
    if (!databaseUrl) throw new MessagingConfigurationError('the outbox relay needs databaseUrl');
    const tuning = outboxRelay === true ? {} : outboxRelay;
    this.relay = new OutboxRelay({ ...tuning, databaseUrl, schema, producer: this.producer, logger });
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
    await this.producer.close();
    if (!this.options.bus) await this.bus.close();
  }
}
