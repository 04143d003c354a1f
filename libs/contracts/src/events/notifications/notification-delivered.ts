import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { externalId, timestamp, uuid } from '../../values';
import { notificationChannel } from './notification-channel';

/** A notification reached its channel (email accepted by the mail server, or stored in the user inbox). */
export const notificationDelivered = defineEvent({
  type: 'marketplace.notifications.NotificationDelivered.v1',
  topic: TOPICS.notificationsDelivery,
  description: 'A notification reached its channel (email accepted by the mail server, or stored in the user inbox).',
  aggregateId: 'notificationId',
  schema: z.strictObject({
    notificationId: uuid,
    recipientId: uuid,
    channel: notificationChannel,
    template: z.string().min(1).max(100),
    sourceEventId: externalId.describe('The id of the event that caused the notification'),
    deliveredAt: timestamp,
  }),
});

export type NotificationDelivered = z.infer<typeof notificationDelivered.schema>;
