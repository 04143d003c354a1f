import { CLOCK, type Clock } from '@marketplace/kernel';
import { KNEX } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { existing, participantRole } from '../domain/access';
import { conversationDecider } from '../domain/conversation-decider';
import { UnknownMessageError } from '../domain/request-errors';
import { ConversationsRepository } from '../infrastructure/conversations-repository';
import { MessagesRepository } from '../infrastructure/messages-repository';
import { ConversationStore } from './conversation-store';

export interface ReadOutcome {
  conversationId: string;
  upToMessageId: string;
  unreadCount: number;
}

/**
 * A participant read the conversation up to a message (the latest when none is named): the other's
 * messages up to it are stamped read and a `read` receipt goes to both, unless the marker was already
 * there.
 */
@Injectable()
export class ReadReceipts {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    private readonly conversations: ConversationsRepository,
    private readonly messages: MessagesRepository,
    private readonly store: ConversationStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async markRead(readerId: string, conversationId: string, upToMessageId?: string): Promise<ReadOutcome> {
    return this.db.transaction(async (trx) => {
      const state = existing(await this.conversations.load(trx, conversationId, { forUpdate: true }));
      // Whether a message exists is told to participants only.
      participantRole(state.conversation, readerId);
      const upTo = upToMessageId === undefined ? await this.messages.latest(trx, conversationId) : await this.messages.find(trx, conversationId, upToMessageId);
      if (!upTo) throw new UnknownMessageError('upToMessageId');
      const command = { type: 'MarkRead' as const, readerId, upTo: { messageId: upTo.id, seq: upTo.seq }, at: this.clock.now() };
      await this.store.apply(trx, state, conversationDecider.decide(command, state));
      return { conversationId, upToMessageId: upTo.id, unreadCount: await this.messages.unreadCount(trx, conversationId, readerId) };
    });
  }
}
