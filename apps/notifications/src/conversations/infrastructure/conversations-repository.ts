import { Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import type { ExistingState } from '../domain/access';
import type { ConversationState, Subject } from '../domain/conversation';
import { type ConversationRow, toRow, toState } from './conversation-rows';

/** The `conversations` table: each conversation's state as its decider left it. */
@Injectable()
export class ConversationsRepository {
  /** With `forUpdate`, the row stays locked until the transaction ends: commands on one conversation run one at a time. */
  async load(db: Knex, id: string, options: { forUpdate?: boolean } = {}): Promise<ConversationState> {
    const query = db<ConversationRow>('conversations').where({ id }).first();
    const row = await (options.forUpdate ? query.forUpdate() : query);
    return row ? toState(row) : { status: 'none' };
  }

  /** The conversation this buyer has with this seller about this subject, if any. */
  async findOpened(db: Knex, key: { buyerId: string; sellerId: string; subject: Pick<Subject, 'type' | 'id'> }): Promise<ConversationState> {
    const row = await db<ConversationRow>('conversations')
      .where({ buyer_id: key.buyerId, seller_id: key.sellerId, subject_type: key.subject.type, subject_id: key.subject.id })
      .first();
    return row ? toState(row) : { status: 'none' };
  }

  /** False when a concurrent request opened the same conversation first. */
  async insert(trx: Knex.Transaction, state: ExistingState): Promise<boolean> {
    const inserted = await trx('conversations').insert(toRow(state)).onConflict(['buyer_id', 'seller_id', 'subject_type', 'subject_id']).ignore().returning('id');
    return inserted.length === 1;
  }

  async update(trx: Knex.Transaction, state: ExistingState): Promise<void> {
    const { id, ...changes } = toRow(state);
    await trx('conversations').where({ id }).update(changes);
  }
}
