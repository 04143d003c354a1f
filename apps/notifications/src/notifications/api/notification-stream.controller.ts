import { type AuthenticatedUser, CurrentUser } from '@marketplace/auth';
import { ValidationError } from '@marketplace/platform';
import { Controller, Get, Headers, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { NotificationStream } from '../application/notification-stream';
import { SseWriter } from '../../live/sse-writer';

/**
 * `GET notifications/stream`: Server-Sent Events of the caller's notifications (`notification`, with
 * its seq as the event id), unread counts (`unread`) and conversation events. Reconnecting with
 * `Last-Event-ID` resumes after that notification.
 */
@Controller('notifications')
export class NotificationStreamController {
  constructor(private readonly stream: NotificationStream) {}

  @Get('stream')
  async open(@CurrentUser() user: AuthenticatedUser, @Headers('last-event-id') lastEventId: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    if (lastEventId !== undefined && !/^\d{1,15}$/.test(lastEventId)) {
      throw new ValidationError('Last-Event-ID must be the id of an event this stream sent.', { details: [{ field: 'Last-Event-ID', message: 'must be a whole number' }] });
    }
    reply.hijack();
    const sse = new SseWriter(reply.raw);
    // Headers are out once the stream opens: a later failure can only end it (the client reconnects).
    await this.stream.open(user.id, lastEventId === undefined ? undefined : Number(lastEventId), sse).catch(() => sse.close());
  }
}
