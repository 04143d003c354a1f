import { Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { LiveFeed } from '../../live/live-feed';
import { type ExistingState, existing } from '../domain/access';
import type { ConversationState } from '../domain/conversation';
import type { ConversationCommand } from '../domain/conversation-commands';
import { conversationDecider } from '../domain/conversation-decider';
import type { ConversationEvent } from '../domain/conversation-events';
import { ConversationsRepository } from '../infrastructure/conversations-repository';
import { MessagesRepository } from '../infrastructure/messages-repository';
import { liveEventsFor } from './live-events';

export interface Outcome {
  state: ExistingState;
  events: ConversationEvent[];
}

/** Another request opened the same conversation first: this one rolls back and answers with that one. */
export class OpenedMeanwhile extends Error {
  override readonly name = 'OpenedMeanwhile';
}

/**
 * Runs a conversation's decisions in the caller's transaction: the row locked, the events stored (state,
 * messages, read stamps) and published live to both participants once the transaction commits.
 */
@Injectable()
export class ConversationStore {
  constructor(
    private readonly conversations: ConversationsRepository,
    private readonly messages: MessagesRepository,
    private readonly live: LiveFeed,
  ) {}

  async execute(trx: Knex.Transaction, conversationId: string, command: ConversationCommand): Promise<Outcome> {
    const before = await this.conversations.load(trx, conversationId, { forUpdate: true });
    return this.apply(trx, before, conversationDecider.decide(command, before));
  }

  /** Stores events decided on `before` (loaded for update, or none for an opening). */
  async apply(trx: Knex.Transaction, before: ConversationState, events: ConversationEvent[]): Promise<Outcome> {
    const state = existing(events.reduce(conversationDecider.evolve, before));
    if (events.length === 0) return { state, events };
    if (before.status !== 'none') await this.conversations.update(trx, state);
    else if (!(await this.conversations.insert(trx, state))) throw new OpenedMeanwhile();
    for (const { type, data } of events) {
      if (type === 'MessageSent') await this.messages.insert(trx, data);
      if (type === 'MessagesRead') await this.messages.markRead(trx, data.conversationId, data.readerId, data.upToSeq, data.readAt);
    }
    await this.live.publish(trx, liveEventsFor(events, state));
    return { state, events };
  }
}
