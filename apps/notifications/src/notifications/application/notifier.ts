import { CLOCK, type Clock } from '@marketplace/kernel';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { DirectoryRepository } from '../../directory/infrastructure/directory-repository';
import { conversationMessageTemplate } from '../templates/conversation-templates';
import { InAppDelivery } from './in-app-delivery';
import { MessageRecorder } from './message-recorder';

export interface ConversationNotice {
  /** The chat message's id: with the recipient and channel, what makes the notification unique. */
  sourceId: string;
  recipientId: string;
  template: 'conversation-message';
  data: { conversationId: string; messageId: string; senderName: string; preview: string; subject: string };
}

/** Notifications that other features of this service raise themselves (a chat message to someone offline). */
@Injectable()
export class Notifier {
  constructor(
    private readonly directory: DirectoryRepository,
    private readonly recorder: MessageRecorder,
    private readonly inApp: InAppDelivery,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** In-app, and by the recipient's preferences email; nothing for a user the directory does not know. */
  async notify(trx: Knex.Transaction, notice: ConversationNotice): Promise<void> {
    const user = (await this.directory.find(trx, [notice.recipientId])).get(notice.recipientId);
    if (!user) return;
    const message = { sourceId: notice.sourceId, template: conversationMessageTemplate, category: 'transactional' as const, channels: ['in_app', 'email'] as const, recipients: [{ user, data: notice.data }] };
    const at = this.clock.now();
    await this.inApp.deliver(trx, await this.recorder.record(trx, message, at), at);
  }
}
