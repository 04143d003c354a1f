import { CLOCK, type Clock } from '@marketplace/kernel';
import { KNEX } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import type { ExistingState } from '../domain/access';
import type { ConversationCommand } from '../domain/conversation-commands';
import { ConversationStore } from './conversation-store';

/** Participants block and unblock for themselves; admins close a conversation for good. Both are told live. */
@Injectable()
export class ConversationModeration {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    private readonly store: ConversationStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  block(userId: string, conversationId: string): Promise<ExistingState> {
    return this.run(conversationId, { type: 'Block', userId, at: this.clock.now() });
  }

  unblock(userId: string, conversationId: string): Promise<ExistingState> {
    return this.run(conversationId, { type: 'Unblock', userId, at: this.clock.now() });
  }

  close(adminId: string, conversationId: string, reason: string | null): Promise<ExistingState> {
    return this.run(conversationId, { type: 'Close', adminId, reason, at: this.clock.now() });
  }

  private async run(conversationId: string, command: ConversationCommand): Promise<ExistingState> {
    const { state } = await this.db.transaction((trx) => this.store.execute(trx, conversationId, command));
    return state;
  }
}
