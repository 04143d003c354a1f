import { isEventType, type MarketplaceEvent, TOPICS } from '@marketplace/contracts';
import { MessagingContext } from '@marketplace/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DeliveredPurchasesService } from '../application/delivered-purchases.service';

/** orders.order.v1 as products and reviews need it: a delivered order lets its buyer review its products. */
@Controller()
export class OrdersEventsController {
  constructor(private readonly purchases: DeliveredPurchasesService) {}

  @EventPattern(TOPICS.ordersOrder)
  async onOrderEvent(@Payload() event: MarketplaceEvent, @Ctx() context: MessagingContext): Promise<void> {
    if (isEventType(event, 'marketplace.orders.OrderDelivered.v1')) await this.purchases.onOrderDelivered(context.getGroupId(), event.id, event.data);
  }
}
