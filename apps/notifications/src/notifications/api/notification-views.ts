import type { Delivery } from '../domain/delivery';
import type { InboxItem } from '../infrastructure/inbox-items-repository';

/** A notification as the API and the live stream show it. */
export function notificationView(item: InboxItem) {
  return {
    id: item.id,
    seq: item.seq,
    template: item.template,
    category: item.category,
    title: item.title,
    body: item.body,
    link: item.link,
    createdAt: item.createdAt.toISOString(),
    readAt: item.readAt?.toISOString() ?? null,
  };
}

/** A delivery as admins see it: its record of attempts included, its body not (it may hold a one-time link). */
export function deliveryView(delivery: Delivery) {
  return {
    id: delivery.id,
    sourceId: delivery.sourceId,
    recipientId: delivery.recipientId,
    channel: delivery.channel,
    template: delivery.template,
    category: delivery.category,
    address: delivery.address,
    subject: delivery.subject,
    status: delivery.status,
    attempts: delivery.attempts,
    nextAttemptAt: delivery.nextAttemptAt?.toISOString() ?? null,
    lastError: delivery.lastError,
    attemptLog: delivery.attemptLog,
    createdAt: delivery.createdAt.toISOString(),
    sentAt: delivery.sentAt?.toISOString() ?? null,
    failedAt: delivery.failedAt?.toISOString() ?? null,
  };
}
