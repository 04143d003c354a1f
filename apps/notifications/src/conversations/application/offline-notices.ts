import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { DirectoryRepository } from '../../directory/infrastructure/directory-repository';
import { otherParticipant } from '../domain/access';
import type { Conversation } from '../domain/conversation';
import type { StoredMessage } from '../infrastructure/conversation-rows';
import { OFFLINE_NOTIFIER, type OfflineNotifier } from './offline-notifier';
import { PresenceRegistry } from './presence-registry';

const PREVIEW_LENGTH = 140;

/** The start of a message on one line, for a notification. */
function preview(body: string): string {
  const line = body.replace(/\s+/g, ' ');
  return line.length <= PREVIEW_LENGTH ? line : `${line.slice(0, PREVIEW_LENGTH - 1)}…`;
}

/**
 * A message to a participant connected nowhere becomes a notification (in-app, and email by their
 * preferences), in the message's transaction. A sender the directory does not know yet is named by role.
 */
@Injectable()
export class OfflineNotices {
  constructor(
    private readonly presence: PresenceRegistry,
    private readonly directory: DirectoryRepository,
    @Inject(OFFLINE_NOTIFIER) private readonly notifier: OfflineNotifier,
  ) {}

  async afterMessage(trx: Knex.Transaction, conversation: Conversation, message: StoredMessage): Promise<void> {
    const recipientId = otherParticipant(conversation, message.senderId);
    if (await this.presence.isOnline(trx, recipientId)) return;
    const sender = (await this.directory.find(trx, [message.senderId])).get(message.senderId);
    const senderName = sender?.displayName ?? (message.senderId === conversation.buyerId ? 'the buyer' : 'the seller');
    await this.notifier.notify(trx, {
      sourceId: message.id,
      recipientId,
      template: 'conversation-message',
      data: { conversationId: conversation.id, messageId: message.id, senderName, preview: preview(message.body), subject: conversation.subject.title },
    });
  }
}
