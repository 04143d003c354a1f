import type { MarketplaceEvent } from '@marketplace/contracts';
import { Injectable } from '@nestjs/common';
import { EventIntake } from '../../infrastructure/catalog-event-intake';

/** Order events into search's log, one stream per order (`order-<orderId>`: the topic's key). */
@Injectable()
export class OrderEventIntake extends EventIntake {
  protected streamOf(event: MarketplaceEvent): string {
    return `order-${event.subject}`;
  }
}
