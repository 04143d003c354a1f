import { type AuthenticatedUser, CurrentUser } from '@marketplace/auth';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ConversationQueries } from '../application/conversation-queries';
import { ReadReceipts } from '../application/read-receipts';
import { SendMessage } from '../application/send-message';
import { messageView } from './conversation-views';
import { ConversationIdParamDto, MarkReadDto, PageQueryDto, SendMessageDto } from './conversations.dto';
import { viewerOf } from './viewer-of';

/**
 * A conversation's messages, newest first (participants; admins read them too); a participant sends
 * one (201, or 200 with the first answer to a retried clientMessageId) and marks them read.
 */
@Controller('conversations/:id')
export class MessagesController {
  constructor(
    private readonly queries: ConversationQueries,
    private readonly sender: SendMessage,
    private readonly receipts: ReadReceipts,
  ) {}

  @Get('messages')
  async list(@CurrentUser() user: AuthenticatedUser, @Param() params: ConversationIdParamDto, @Query() query: PageQueryDto) {
    const page = await this.queries.messagePage(viewerOf(user), params.id, query);
    return { items: page.items.map(messageView), nextCursor: page.nextCursor };
  }

  @Post('messages')
  async send(@CurrentUser() user: AuthenticatedUser, @Param() params: ConversationIdParamDto, @Body() body: SendMessageDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const { message, created } = await this.sender.send(user.id, params.id, body);
    void reply.status(created ? 201 : 200);
    return messageView(message);
  }

  @Post('read')
  @HttpCode(200)
  read(@CurrentUser() user: AuthenticatedUser, @Param() params: ConversationIdParamDto, @Body() body: MarkReadDto) {
    return this.receipts.markRead(user.id, params.id, body.upToMessageId);
  }
}
