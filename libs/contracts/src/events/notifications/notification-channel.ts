import { z } from 'zod';

/** `sms` was added before any notification event was published; existing messages stay valid. */
export const notificationChannel = z.enum(['email', 'sms', 'in_app']);
export type NotificationChannel = z.infer<typeof notificationChannel>;
