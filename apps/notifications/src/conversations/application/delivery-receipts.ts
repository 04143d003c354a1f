import { CLOCK, type Clock } from '@marketplace/kernel';
import { KNEX, LOGGER } from '@marketplace/platform';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { LiveEvent } from '../../live/live-event';
import { LiveFeed } from '../../live/live-feed';
import { MessagesRepository } from '../infrastructure/messages-repository';
import { receiptEvents } from './live-events';
import { PresenceRegistry } from './presence-registry';

/**
 * Delivered receipts: while a user has a connection on this instance (WebSocket or SSE), every message
 * the live feed brings them from the other participant reached them here. The first instance to record
 * it tells both participants; any other finds it already recorded.
 */
@Injectable()
export class DeliveryReceipts implements OnModuleInit {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    private readonly messages: MessagesRepository,
    private readonly live: LiveFeed,
    private readonly presence: PresenceRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.presence.whilePresent((userId) => this.live.subscribe(userId, (event) => this.onLive(userId, event)));
  }

  async record(messageId: string, recipientId: string): Promise<void> {
    await this.db.transaction(async (trx) => {
      const message = await this.messages.markDelivered(trx, messageId, recipientId, this.clock.now());
      if (!message?.deliveredAt) return;
      const receipt = { conversationId: message.conversationId, messageId, userId: recipientId, status: 'delivered' as const, at: message.deliveredAt };
      await this.live.publish(trx, receiptEvents([message.senderId, recipientId], receipt));
    });
  }

  private onLive(userId: string, event: LiveEvent): void {
    if (event.kind !== 'message') return;
    const { message } = event.data as { message: { id: string; senderId: string } };
    if (message.senderId === userId) return;
    this.record(message.id, userId).catch((error: unknown) => this.logger.warn({ err: error, messageId: message.id }, 'conversations: could not record a delivery'));
  }
}
