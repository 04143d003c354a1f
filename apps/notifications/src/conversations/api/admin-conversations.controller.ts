import { type AuthenticatedUser, CurrentUser, Roles } from '@marketplace/auth';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ConversationModeration } from '../application/conversation-moderation';
import { ConversationQueries } from '../application/conversation-queries';
import { conversationSummary, conversationView } from './conversation-views';
import { CloseConversationDto, ConversationIdParamDto, ModerationQueryDto } from './conversations.dto';

/** Moderation: every conversation (by status or participant), and closing one for good. */
@Roles('admin')
@Controller('admin/conversations')
export class AdminConversationsController {
  constructor(
    private readonly queries: ConversationQueries,
    private readonly moderation: ConversationModeration,
  ) {}

  @Get()
  async list(@Query() query: ModerationQueryDto) {
    const { userId, ...filter } = query;
    const { result, names } = await this.queries.list({ ...filter, participantId: userId });
    return { items: result.items.map((listing) => conversationView(listing, names)), nextCursor: result.nextCursor };
  }

  @Post(':id/close')
  @HttpCode(200)
  async close(@CurrentUser() admin: AuthenticatedUser, @Param() params: ConversationIdParamDto, @Body() body: CloseConversationDto) {
    return conversationSummary(await this.moderation.close(admin.id, params.id, body.reason ?? null));
  }
}
