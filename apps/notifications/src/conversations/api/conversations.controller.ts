import { type AuthenticatedUser, CurrentUser, Roles } from '@marketplace/auth';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ConversationModeration } from '../application/conversation-moderation';
import { ConversationQueries } from '../application/conversation-queries';
import { OpenConversation } from '../application/open-conversation';
import { conversationSummary, conversationView } from './conversation-views';
import { ConversationIdParamDto, OpenConversationDto, PageQueryDto } from './conversations.dto';
import { viewerOf } from './viewer-of';

/**
 * A user's conversations: a buyer opens one with a seller (201, or 200 with the one that exists), both
 * list theirs with unread counts and read one (admins any), and each may block or unblock the other.
 */
@Controller('conversations')
export class ConversationsController {
  constructor(
    private readonly opening: OpenConversation,
    private readonly queries: ConversationQueries,
    private readonly moderation: ConversationModeration,
  ) {}

  @Roles('buyer')
  @Post()
  async open(@CurrentUser() buyer: AuthenticatedUser, @Body() body: OpenConversationDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const { state, created } = await this.opening.open(buyer.id, body);
    void reply.status(created ? 201 : 200);
    const { result, names } = await this.queries.one(viewerOf(buyer), state.conversation.id);
    return conversationView(result, names);
  }

  @Get()
  async list(@CurrentUser() user: AuthenticatedUser, @Query() query: PageQueryDto) {
    const { result, names } = await this.queries.list({ ...query, participantId: user.id, viewerId: user.id });
    return { items: result.items.map((listing) => conversationView(listing, names)), nextCursor: result.nextCursor };
  }

  @Get(':id')
  async get(@CurrentUser() user: AuthenticatedUser, @Param() params: ConversationIdParamDto) {
    const { result, names } = await this.queries.one(viewerOf(user), params.id);
    return conversationView(result, names);
  }

  @Post(':id/block')
  @HttpCode(200)
  async block(@CurrentUser() user: AuthenticatedUser, @Param() params: ConversationIdParamDto) {
    return conversationSummary(await this.moderation.block(user.id, params.id));
  }

  @Post(':id/unblock')
  @HttpCode(200)
  async unblock(@CurrentUser() user: AuthenticatedUser, @Param() params: ConversationIdParamDto) {
    return conversationSummary(await this.moderation.unblock(user.id, params.id));
  }
}
