import { CloudEventFactory } from '@marketplace/contracts';
import { Outbox } from '@marketplace/messaging';
import { Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { LiveFeed } from '../../live/live-feed';
import { InboxItemsRepository, type InboxItem } from '../infrastructure/inbox-items-repository';
import { notificationView } from '../api/notification-views';

export interface InAppNotice {
  deliveryId: string;
  userId: string;
  sourceId: string;
  template: string;
  category: string;
  title: string;
  body: string;
  link: string | null;
}

/**
 * An in-app notification is delivered by storing it: the inbox row, the live event every open stream
 * of the user gets after commit (with the new unread count), and NotificationDelivered, in one
 * transaction with the delivery record.
 *
 * Storing locks the user's inbox head until commit. A transaction's notices are stored together, at its
 * end, after their users' heads were locked in one order, so two transactions (two partitions' batches)
 * notifying the same users cannot deadlock.
 */
@Injectable()
export class InAppDelivery {
  constructor(
    private readonly items: InboxItemsRepository,
    private readonly live: LiveFeed,
    private readonly outbox: Outbox,
    private readonly events: CloudEventFactory,
  ) {}

  async deliver(trx: Knex.Transaction, notices: readonly InAppNotice[], at: Date): Promise<void> {
    if (notices.length === 0) return;
    await this.items.lockHeads(trx, notices.map((notice) => notice.userId));
    for (const notice of notices) await this.store(trx, notice, at);
  }

  private async store(trx: Knex.Transaction, notice: InAppNotice, at: Date): Promise<void> {
    const stored = { id: notice.deliveryId, template: notice.template, category: notice.category, title: notice.title, body: notice.body, link: notice.link, createdAt: at };
    const { seq, unreadCount } = await this.items.append(trx, notice.userId, stored);
    const item: InboxItem = { ...stored, seq, readAt: null };
    await this.live.publish(trx, [{ userId: notice.userId, kind: 'notification', id: String(item.seq), data: { notification: notificationView(item), unreadCount } }]);
    await this.outbox.enqueue(trx, [
      this.events.create('marketplace.notifications.NotificationDelivered.v1', notice.deliveryId, {
        notificationId: notice.deliveryId,
        recipientId: notice.userId,
        channel: 'in_app',
        template: notice.template,
        sourceEventId: notice.sourceId,
        deliveredAt: at.toISOString(),
      }, { at }),
    ]);
  }
}
