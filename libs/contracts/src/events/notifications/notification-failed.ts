import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { externalId, positiveQuantity, timestamp, uuid } from '../../values';
import { notificationChannel } from './notification-channel';

/** A notification could not be delivered after its attempts; error says why. */
export const notificationFailed = defineEvent({
  type: 'marketplace.notifications.NotificationFailed.v1',
  topic: TOPICS.notificationsDelivery,
  description: 'A notification could not be delivered after its attempts; error says why.',
  aggregateId: 'notificationId',
  schema: z.strictObject({
    notificationId: uuid,
    recipientId: uuid,
    channel: notificationChannel,
    template: z.string().min(1).max(100),
    sourceEventId: externalId.describe('The id of the event that caused the notification'),
    attempts: positiveQuantity,
    error: z.string().min(1).max(1000),
    failedAt: timestamp,
  }),
});

export type NotificationFailed = z.infer<typeof notificationFailed.schema>;
