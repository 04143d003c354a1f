import { type AuthenticatedUser, CurrentUser } from '@marketplace/auth';
import { CLOCK, type Clock } from '@marketplace/kernel';
import { KNEX, NotFoundError } from '@marketplace/platform';
import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import type { Knex } from 'knex';
import { LiveFeed } from '../../live/live-feed';
import { InboxItemsRepository } from '../infrastructure/inbox-items-repository';
import { notificationView } from './notification-views';
import { IdParamDto, InboxQueryDto } from './notifications.dto';

/** The caller's in-app inbox: pages newest first with the unread count, and marking read (told to every open stream). */
@Controller('notifications')
export class NotificationsController {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly items: InboxItemsRepository,
    private readonly live: LiveFeed,
  ) {}

  @Get()
  async list(@CurrentUser() user: AuthenticatedUser, @Query() query: InboxQueryDto) {
    const page = await this.items.page(this.db, user.id, { unreadOnly: query.unread === 'true', cursor: query.cursor, limit: query.limit });
    return { items: page.items.map(notificationView), nextCursor: page.nextCursor, unreadCount: await this.items.unreadCount(this.db, user.id) };
  }

  @Post('read-all')
  @HttpCode(200)
  async readAll(@CurrentUser() user: AuthenticatedUser) {
    return this.db.transaction(async (trx) => {
      const marked = await this.items.markAllRead(trx, user.id, this.clock.now());
      if (marked > 0) await this.live.publish(trx, [{ userId: user.id, kind: 'unread', data: { unreadCount: 0 } }]);
      return { marked, unreadCount: 0 };
    });
  }

  @Post(':id/read')
  @HttpCode(200)
  async read(@CurrentUser() user: AuthenticatedUser, @Param() params: IdParamDto) {
    return this.db.transaction(async (trx) => {
      const outcome = await this.items.markRead(trx, user.id, params.id, this.clock.now());
      if (!outcome) throw new NotFoundError('You have no notification with this id.');
      const unreadCount = await this.items.unreadCount(trx, user.id);
      if (outcome === 'read') await this.live.publish(trx, [{ userId: user.id, kind: 'unread', data: { unreadCount } }]);
      return { id: params.id, unreadCount };
    });
  }
}
