import { Module } from '@nestjs/common';
import { LiveModule } from '../live/live.module';
import { Notifier } from '../notifications/application/notifier';
import { NotificationsModule } from '../notifications/notifications.module';
import { AdminConversationsController } from './api/admin-conversations.controller';
import { ConversationsController } from './api/conversations.controller';
import { MessagesController } from './api/messages.controller';
import { SubjectEventsController } from './api/subject-events.controller';
import { conversationsConfigProvider } from './conversations-config';
import { ConversationSocketServer } from './api/ws/conversation-socket-server';
import { SocketSessions } from './api/ws/socket-sessions';
import { ConversationModeration } from './application/conversation-moderation';
import { ConversationQueries } from './application/conversation-queries';
import { ConversationStore } from './application/conversation-store';
import { DeliveryReceipts } from './application/delivery-receipts';
import { Housekeeping } from './application/housekeeping';
import { MessageComposer } from './application/message-composer';
import { OFFLINE_NOTIFIER } from './application/offline-notifier';
import { OfflineNotices } from './application/offline-notices';
import { OpenConversation } from './application/open-conversation';
import { PresenceRegistry } from './application/presence-registry';
import { RateLimiter } from './application/rate-limiter';
import { ReadReceipts } from './application/read-receipts';
import { SendMessage } from './application/send-message';
import { ConversationPages } from './infrastructure/conversation-pages';
import { ConversationsRepository } from './infrastructure/conversations-repository';
import { MessagePages } from './infrastructure/message-pages';
import { MessagesRepository } from './infrastructure/messages-repository';
import { PresenceRepository } from './infrastructure/presence-repository';
import { RateWindowsRepository } from './infrastructure/rate-windows-repository';
import { SubjectFactsRepository } from './infrastructure/subject-facts-repository';

/**
 * Buyer-seller conversations: HTTP routes, the `/conversations/ws` WebSocket, receipts, presence across
 * instances, rate limits, and the projections that say what a conversation may be about. Needs the
 * service config to include conversationsConfigShape and the migration 002-conversations. Exports nothing.
 */
@Module({
  imports: [LiveModule, NotificationsModule],
  controllers: [ConversationsController, MessagesController, AdminConversationsController, SubjectEventsController],
  providers: [
    conversationsConfigProvider,
    ConversationsRepository,
    ConversationPages,
    MessagesRepository,
    MessagePages,
    SubjectFactsRepository,
    PresenceRepository,
    RateWindowsRepository,
    { provide: OFFLINE_NOTIFIER, useExisting: Notifier },
    ConversationStore,
    MessageComposer,
    RateLimiter,
    PresenceRegistry,
    OfflineNotices,
    OpenConversation,
    SendMessage,
    ReadReceipts,
    DeliveryReceipts,
    ConversationModeration,
    ConversationQueries,
    Housekeeping,
    SocketSessions,
    ConversationSocketServer,
  ],
})
export class ConversationsModule {}
