import { AuthModule } from '@marketplace/auth';
import { PlatformModule, serviceMessaging } from '@marketplace/platform';
import { Module } from '@nestjs/common';
import { ConversationsModule } from './conversations/conversations.module';
import { notificationsMigrations } from './infrastructure/migrations';
import type { NotificationsConfig } from './notifications-config';
import { NotificationsModule } from './notifications/notifications.module';

/**
 * The notifications service: identity's, orders' and payments' events turned into email, SMS and in-app
 * notifications (once `connectMessaging(app)` connected the transport), the live stream, preferences,
 * and buyer-seller conversations. Its events leave through the outbox.
 */
@Module({
  imports: [
    PlatformModule.forRoot({ database: { migrations: notificationsMigrations }, bus: true }),
    serviceMessaging<NotificationsConfig>({ groupId: (config) => config.NOTIFICATIONS_CONSUMER_GROUP }),
    AuthModule.forService(),
    NotificationsModule,
    ConversationsModule,
  ],
})
export class AppModule {}
