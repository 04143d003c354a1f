import { KNEX } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import type { ExistingState } from '../domain/access';
import type { SubjectRequest } from '../domain/conversation';
import { conversationDecider } from '../domain/conversation-decider';
import { subjectFor } from '../domain/subject-check';
import { ConversationsRepository } from '../infrastructure/conversations-repository';
import { SubjectFactsRepository } from '../infrastructure/subject-facts-repository';
import { ConversationStore, OpenedMeanwhile } from './conversation-store';
import { sentMessages } from './live-events';
import { MessageComposer } from './message-composer';
import { OfflineNotices } from './offline-notices';
import { RateLimiter } from './rate-limiter';

export interface OpenRequest {
  subject: SubjectRequest;
  sellerId: string;
  message: string;
}

/**
 * A buyer opens a conversation with a seller about a product or an order, checked against this
 * service's projections. One conversation per buyer, seller and subject: opening it again answers with
 * it (`created: false`) and adds nothing, even when two requests race.
 */
@Injectable()
export class OpenConversation {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    private readonly subjects: SubjectFactsRepository,
    private readonly conversations: ConversationsRepository,
    private readonly store: ConversationStore,
    private readonly composer: MessageComposer,
    private readonly rateLimiter: RateLimiter,
    private readonly offline: OfflineNotices,
  ) {}

  async open(buyerId: string, request: OpenRequest): Promise<{ state: ExistingState; created: boolean }> {
    const subject = subjectFor({ buyerId, sellerId: request.sellerId, subject: request.subject }, await this.subjects.find(this.db, request.subject));
    const key = { buyerId, sellerId: request.sellerId, subject };
    const found = await this.conversations.findOpened(this.db, key);
    if (found.status !== 'none') return { state: found, created: false };
    const { message, at } = this.composer.compose({ body: request.message });
    const command = { type: 'Open' as const, conversationId: this.composer.newConversationId(), ...key, message, at };
    const events = conversationDecider.decide(command, { status: 'none' });
    try {
      const state = await this.db.transaction(async (trx) => {
        await this.rateLimiter.take(trx, 'open', buyerId, at);
        const outcome = await this.store.apply(trx, { status: 'none' }, events);
        await this.offline.afterMessage(trx, outcome.state.conversation, sentMessages(events)[0]);
        return outcome.state;
      });
      return { state, created: true };
    } catch (error) {
      if (!(error instanceof OpenedMeanwhile)) throw error;
      const opened = await this.conversations.findOpened(this.db, key);
      if (opened.status === 'none') throw error;
      return { state: opened, created: false };
    }
  }
}
