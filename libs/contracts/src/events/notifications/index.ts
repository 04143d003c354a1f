import { notificationDelivered } from './notification-delivered';
import { notificationFailed } from './notification-failed';

export * from './notification-channel';
export * from './notification-delivered';
export * from './notification-failed';

export const notificationsEvents = [notificationDelivered, notificationFailed] as const;
