import { z } from 'zod';

export const notificationChannel = z.enum(['email', 'in_app']);

export type NotificationChannel = z.infer<typeof notificationChannel>;
