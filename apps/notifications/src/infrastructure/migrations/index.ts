import type { Migration } from '@marketplace/platform';
import { notificationsMigration } from './001-notifications';
import { conversationsMigration } from './002-conversations';
import { disputeFactsMigration } from './003-dispute-facts';
import { parkedOrderMigration } from './004-parked-order';

export const notificationsMigrations: Migration[] = [notificationsMigration, conversationsMigration, disputeFactsMigration, parkedOrderMigration];
