import { decodeCursor, type Page, toPage } from '@marketplace/platform';
import { Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { MESSAGE_COLUMNS, type StoredMessage, toMessage } from './conversation-rows';

/** A conversation's messages page by page, newest first, by seq (commit order within the conversation). */
@Injectable()
export class MessagePages {
  async page(db: Knex, conversationId: string, options: { cursor?: string; limit: number }): Promise<Page<StoredMessage>> {
    const query = db('conversation_messages').where({ conversation_id: conversationId }).select(MESSAGE_COLUMNS).orderBy('seq', 'desc').limit(options.limit + 1);
    if (options.cursor) {
      // The cursor names the last message shown; the next page is what came before it.
      const after = decodeCursor(options.cursor);
      query.where('seq', '<', db('conversation_messages').where({ conversation_id: conversationId, id: after.id }).select('seq'));
    }
    return toPage((await query).map(toMessage), options.limit, (message) => ({ at: message.createdAt, id: message.id }));
  }
}
