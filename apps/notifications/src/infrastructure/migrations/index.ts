import type { Migration } from '@marketplace/platform';
import { notificationsMigration } from './001-notifications';

export const notificationsMigrations: Migration[] = [notificationsMigration];
