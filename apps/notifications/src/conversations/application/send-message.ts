import { KNEX } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { conversationDecider } from '../domain/conversation-decider';
import { ClientMessageIdReusedError } from '../domain/request-errors';
import type { StoredMessage } from '../infrastructure/conversation-rows';
import { ConversationsRepository } from '../infrastructure/conversations-repository';
import { MessagesRepository } from '../infrastructure/messages-repository';
import { ConversationStore } from './conversation-store';
import { sentMessages } from './live-events';
import { MessageComposer, type MessageInput } from './message-composer';
import { OfflineNotices } from './offline-notices';
import { RateLimiter } from './rate-limiter';

/** `created: false` answers a retry: the message its client id already named. */
export interface Sent {
  message: StoredMessage;
  created: boolean;
}

/**
 * A participant's message, over HTTP or the WebSocket: a retry with the same client message id gets the
 * first answer (and costs no rate allowance); otherwise the rules, then the sender's rate limit, then
 * the message stored and published, and a notification if the recipient is connected nowhere.
 */
@Injectable()
export class SendMessage {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    private readonly conversations: ConversationsRepository,
    private readonly messages: MessagesRepository,
    private readonly store: ConversationStore,
    private readonly composer: MessageComposer,
    private readonly rateLimiter: RateLimiter,
    private readonly offline: OfflineNotices,
  ) {}

  async send(senderId: string, conversationId: string, input: MessageInput): Promise<Sent> {
    const { message, at } = this.composer.compose(input);
    return this.db.transaction(async (trx) => {
      const before = await this.conversations.load(trx, conversationId, { forUpdate: true });
      const earlier = message.clientMessageId === null ? undefined : await this.messages.bySenderKey(trx, senderId, message.clientMessageId);
      if (earlier) {
        if (earlier.conversationId !== conversationId || earlier.body !== message.body) throw new ClientMessageIdReusedError();
        return { message: earlier, created: false };
      }
      const events = conversationDecider.decide({ type: 'Send', senderId, message, at }, before);
      await this.rateLimiter.take(trx, 'message', senderId, at);
      const { state } = await this.store.apply(trx, before, events);
      const [stored] = sentMessages(events);
      await this.offline.afterMessage(trx, state.conversation, stored);
      return { message: stored, created: true };
    });
  }
}
