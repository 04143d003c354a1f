import { decodeCursor, type Page, toPage } from '@marketplace/platform';
import { Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import type { ExistingState } from '../domain/access';
import { type ConversationRow, type StoredMessage, toMessage, toState } from './conversation-rows';

/** A conversation in a list: its state, its last message, and (for a participant) how many of the other's messages are unread. */
export interface ConversationListing {
  state: ExistingState;
  lastMessage: StoredMessage | null;
  unreadCount: number | null;
}

export interface ListingFilter {
  /** Only the conversations of this participant (all of them for moderation). */
  participantId?: string;
  viewerId?: string;
  status?: 'open' | 'closed';
  cursor?: string;
  limit: number;
}

type ListingRow = ConversationRow & { last_message: Parameters<typeof toMessage>[0] | null; unread_count: string | null };

const LAST_MESSAGE = `(select json_build_object('id', m.id, 'conversationId', m.conversation_id, 'seq', m.seq, 'senderId', m.sender_id, 'body', m.body,
  'clientMessageId', m.client_message_id, 'createdAt', m.created_at, 'deliveredAt', m.delivered_at, 'readAt', m.read_at)
  from conversation_messages m where m.conversation_id = c.id order by m.seq desc limit 1) as last_message`;
const UNREAD = '(select count(*) from conversation_messages u where u.conversation_id = c.id and u.sender_id <> ? and u.read_at is null) as unread_count';

/** Conversations with their last message, most recently active first. */
@Injectable()
export class ConversationPages {
  async page(db: Knex, filter: ListingFilter): Promise<Page<ConversationListing>> {
    const query = this.listings(db, filter.viewerId)
      .orderBy([{ column: 'c.last_message_at', order: 'desc' }, { column: 'c.id', order: 'desc' }])
      .limit(filter.limit + 1);
    const { participantId, status, cursor } = filter;
    if (participantId) query.where((q) => q.where('c.buyer_id', participantId).orWhere('c.seller_id', participantId));
    if (status) query.where('c.status', status);
    if (cursor) {
      const after = decodeCursor(cursor);
      query.whereRaw('(c.last_message_at, c.id) < (?, ?)', [after.at, after.id]);
    }
    const listings = ((await query) as ListingRow[]).map(toListing);
    return toPage(listings, filter.limit, ({ state }) => ({ at: state.conversation.lastMessageAt, id: state.conversation.id }));
  }

  async one(db: Knex, conversationId: string, viewerId?: string): Promise<ConversationListing | undefined> {
    const row = (await this.listings(db, viewerId).where('c.id', conversationId).first()) as ListingRow | undefined;
    return row && toListing(row);
  }

  /** Unread counts are a participant's (`viewerId`); a moderator's list has none. */
  private listings(db: Knex, viewerId?: string): Knex.QueryBuilder {
    return db('conversations as c').select('c.*', db.raw(LAST_MESSAGE), viewerId ? db.raw(UNREAD, [viewerId]) : db.raw('null as unread_count'));
  }
}

function toListing(row: ListingRow): ConversationListing {
  return { state: toState(row), lastMessage: row.last_message && toMessage(row.last_message), unreadCount: row.unread_count === null ? null : Number(row.unread_count) };
}
