import { KNEX, type Page } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { DirectoryRepository } from '../../directory/infrastructure/directory-repository';
import { assertCanView, existing, roleOf, type Viewer } from '../domain/access';
import { ConversationNotFoundError } from '../domain/access-errors';
import { type ConversationListing, ConversationPages, type ListingFilter } from '../infrastructure/conversation-pages';
import type { StoredMessage } from '../infrastructure/conversation-rows';
import { ConversationsRepository } from '../infrastructure/conversations-repository';
import { MessagePages } from '../infrastructure/message-pages';

export interface PageRequest {
  cursor?: string;
  limit: number;
}

/** Conversations with the participants' names (from the directory, which may not know a user yet). */
export interface Listed<T> {
  result: T;
  names: Map<string, string>;
}

/** What participants read (their own conversations) and what admins read (everything, for moderation). */
@Injectable()
export class ConversationQueries {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    private readonly conversations: ConversationsRepository,
    private readonly pages: ConversationPages,
    private readonly messages: MessagePages,
    private readonly directory: DirectoryRepository,
  ) {}

  async list(filter: ListingFilter): Promise<Listed<Page<ConversationListing>>> {
    const page = await this.pages.page(this.db, filter);
    return { result: page, names: await this.names(page.items) };
  }

  async one(viewer: Viewer, conversationId: string): Promise<Listed<ConversationListing>> {
    const { conversation } = existing(await this.conversations.load(this.db, conversationId));
    assertCanView(conversation, viewer);
    const listing = await this.pages.one(this.db, conversationId, roleOf(conversation, viewer.id) && viewer.id);
    if (!listing) throw new ConversationNotFoundError();
    return { result: listing, names: await this.names([listing]) };
  }

  async messagePage(viewer: Viewer, conversationId: string, page: PageRequest): Promise<Page<StoredMessage>> {
    assertCanView(existing(await this.conversations.load(this.db, conversationId)).conversation, viewer);
    return this.messages.page(this.db, conversationId, page);
  }

  private async names(listings: readonly ConversationListing[]): Promise<Map<string, string>> {
    const ids = listings.flatMap(({ state }) => [state.conversation.buyerId, state.conversation.sellerId]);
    const entries = await this.directory.find(this.db, ids);
    return new Map([...entries].map(([id, entry]) => [id, entry.displayName]));
  }
}
