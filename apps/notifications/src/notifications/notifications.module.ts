import { eventFactoryProvider } from '@marketplace/platform';
import { Module } from '@nestjs/common';
import { DirectoryProjection } from '../directory/application/directory-projection';
import { DirectoryRepository } from '../directory/infrastructure/directory-repository';
import { DisputeFactsRepository } from '../dispute-facts/dispute-facts-repository';
import { LiveModule } from '../live/live.module';
import { OrderFactsRepository } from '../order-facts/order-facts-repository';
import { AdminDeliveriesController } from './api/admin-deliveries.controller';
import { ConsumedEventsController } from './api/consumed-events.controller';
import { NotificationStreamController } from './api/notification-stream.controller';
import { NotificationsController } from './api/notifications.controller';
import { PreferencesController } from './api/preferences.controller';
import { DeliveryDispatcher } from './application/delivery-dispatcher';
import { DeliveryOutcomes } from './application/delivery-outcomes';
import { EventIntake } from './application/event-intake';
import { EventPlanner } from './application/event-planner';
import { HandlerFacts } from './application/handler-facts';
import { InAppDelivery } from './application/in-app-delivery';
import { LinkOpener } from './application/link-opener';
import { MessageRecorder } from './application/message-recorder';
import { NotificationStream } from './application/notification-stream';
import { Notifier } from './application/notifier';
import { channelSendersProvider } from './infrastructure/channels/channel-senders.provider';
import { DeliveriesRepository } from './infrastructure/deliveries-repository';
import { InboxItemsRepository } from './infrastructure/inbox-items-repository';
import { ParkedEvents } from './infrastructure/parked-events';
import { PreferencesRepository } from './infrastructure/preferences-repository';

/**
 * Events in, messages out: the directory, order and dispute facts, the handlers and templates, deliveries
 * recorded once and dispatched with retries, the in-app inbox, preferences and the admins' view.
 */
@Module({
  imports: [LiveModule],
  controllers: [ConsumedEventsController, NotificationsController, NotificationStreamController, PreferencesController, AdminDeliveriesController],
  providers: [
    eventFactoryProvider('notifications'),
    channelSendersProvider,
    DirectoryRepository,
    DirectoryProjection,
    OrderFactsRepository,
    DisputeFactsRepository,
    HandlerFacts,
    ParkedEvents,
    PreferencesRepository,
    DeliveriesRepository,
    InboxItemsRepository,
    LinkOpener,
    InAppDelivery,
    MessageRecorder,
    EventPlanner,
    EventIntake,
    DeliveryOutcomes,
    DeliveryDispatcher,
    Notifier,
    NotificationStream,
  ],
  exports: [Notifier, InboxItemsRepository, DirectoryRepository],
})
export class NotificationsModule {}
