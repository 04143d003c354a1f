import { Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import type { ConversationEvent } from '../domain/conversation-events';
import { ClientMessageIdReusedError } from '../domain/request-errors';
import { MESSAGE_COLUMNS, type StoredMessage, toMessage } from './conversation-rows';

type MessageSent = Extract<ConversationEvent, { type: 'MessageSent' }>['data'];

const UNIQUE_VIOLATION = '23505';
const SENDER_KEY = 'conversation_messages_sender_key';

/** The `conversation_messages` table: messages written, looked up, and stamped delivered and read. */
@Injectable()
export class MessagesRepository {
  /** A client message id its sender used at the same moment in another conversation (a client bug) is refused, not a 500. */
  async insert(trx: Knex.Transaction, sent: MessageSent): Promise<void> {
    const { messageId, conversationId, seq, senderId, body, clientMessageId, sentAt } = sent;
    const row = { id: messageId, conversation_id: conversationId, seq, sender_id: senderId, body, client_message_id: clientMessageId, created_at: sentAt };
    await trx('conversation_messages').insert(row).catch((error: { code?: string; constraint?: string }) => {
      throw error.code === UNIQUE_VIOLATION && error.constraint === SENDER_KEY ? new ClientMessageIdReusedError() : error;
    });
  }

  async find(db: Knex, conversationId: string, messageId: string): Promise<StoredMessage | undefined> {
    const row = await db('conversation_messages').where({ conversation_id: conversationId, id: messageId }).first(MESSAGE_COLUMNS);
    return row && toMessage(row);
  }

  async latest(db: Knex, conversationId: string): Promise<StoredMessage | undefined> {
    const row = await db('conversation_messages').where({ conversation_id: conversationId }).orderBy('seq', 'desc').first(MESSAGE_COLUMNS);
    return row && toMessage(row);
  }

  /** The other participant's messages this reader has not read. */
  async unreadCount(db: Knex, conversationId: string, readerId: string): Promise<number> {
    const row = await db('conversation_messages').where({ conversation_id: conversationId }).whereNot('sender_id', readerId).whereNull('read_at').count<{ count: string }>('* as count').first();
    return Number(row?.count ?? 0);
  }

  /** The message a sender already sent under this client message id. */
  async bySenderKey(db: Knex, senderId: string, clientMessageId: string): Promise<StoredMessage | undefined> {
    const row = await db('conversation_messages').where({ sender_id: senderId, client_message_id: clientMessageId }).first(MESSAGE_COLUMNS);
    return row && toMessage(row);
  }

  /** Records that the message reached its recipient: only the first time, and only for the participant who did not send it. */
  async markDelivered(db: Knex, messageId: string, recipientId: string, at: Date): Promise<StoredMessage | undefined> {
    const rows = await db('conversation_messages as m')
      .where('m.id', messageId)
      .whereNull('m.delivered_at')
      .whereNot('m.sender_id', recipientId)
      .whereExists((participants) => participants.from('conversations as c').whereRaw('c.id = m.conversation_id').andWhere((q) => q.where('c.buyer_id', recipientId).orWhere('c.seller_id', recipientId)))
      .update({ delivered_at: at })
      .returning(MESSAGE_COLUMNS);
    return rows[0] && toMessage(rows[0]);
  }

  /** The other participant's messages up to `upToSeq` are read (and so delivered). */
  async markRead(trx: Knex.Transaction, conversationId: string, readerId: string, upToSeq: number, at: Date): Promise<void> {
    await trx('conversation_messages')
      .where({ conversation_id: conversationId })
      .andWhere('seq', '<=', upToSeq)
      .whereNot('sender_id', readerId)
      .whereNull('read_at')
      .update({ read_at: at, delivered_at: trx.raw('coalesce(delivered_at, ?)', [at]) });
  }
}
