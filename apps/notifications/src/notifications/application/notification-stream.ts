import { KNEX, PLATFORM_CONFIG } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import type { NotificationsConfig } from '../../notifications-config';
import { notificationView } from '../api/notification-views';
import { InboxItemsRepository } from '../infrastructure/inbox-items-repository';
import type { LiveEvent } from '../../live/live-event';
import { LiveConnections } from '../../live/live-connections';
import { LiveFeed } from '../../live/live-feed';
import type { SseWriter } from '../../live/sse-writer';

const CATCH_UP_LIMIT = 500;

/**
 * One open `notifications/stream`: it listens first, then sends what the client missed after its
 * Last-Event-ID and the unread count, then everything live (notifications by seq, each at most once;
 * chat events as they come). After a feed resync it re-reads from the last seq it sent.
 */
@Injectable()
export class NotificationStream {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    @Inject(PLATFORM_CONFIG) private readonly config: NotificationsConfig,
    private readonly items: InboxItemsRepository,
    private readonly live: LiveFeed,
    private readonly connections: LiveConnections,
  ) {}

  async open(userId: string, lastSeq: number | undefined, sse: SseWriter): Promise<void> {
    let sentSeq = lastSeq;
    let pending: LiveEvent[] | undefined = [];
    const send = (event: LiveEvent) => {
      if (event.kind === 'resync') return void this.resync(userId, sentSeq, sse).then((seq) => (sentSeq = seq));
      if (event.id !== undefined) {
        if (sentSeq !== undefined && Number(event.id) <= sentSeq) return;
        sentSeq = Number(event.id);
      }
      sse.event(event.kind, event.data, event.id);
    };
    const unsubscribe = this.live.subscribe(userId, (event) => (pending ? pending.push(event) : send(event)));
    const heartbeat = setInterval(() => sse.heartbeat(), this.config.SSE_HEARTBEAT_MS);
    const closed = this.connections.open(userId);
    sse.onClose(() => {
      closed();
      unsubscribe();
      clearInterval(heartbeat);
    });
    sse.open(3_000);
    sentSeq = await this.resync(userId, lastSeq, sse);
    const buffered = pending;
    pending = undefined;
    buffered.forEach(send);
  }

  /** Sends the notifications after `afterSeq` (when the client has seen some) and the unread count; returns the last seq sent. */
  private async resync(userId: string, afterSeq: number | undefined, sse: SseWriter): Promise<number | undefined> {
    const missed = afterSeq === undefined ? [] : await this.items.since(this.db, userId, afterSeq, CATCH_UP_LIMIT);
    const unreadCount = await this.items.unreadCount(this.db, userId);
    for (const item of missed) sse.event('notification', { notification: notificationView(item), unreadCount }, String(item.seq));
    sse.event('unread', { unreadCount });
    return missed.at(-1)?.seq ?? afterSeq;
  }
}
