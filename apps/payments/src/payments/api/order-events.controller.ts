import { isEventType, type MarketplaceEvent, TOPICS } from '@marketplace/contracts';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { OrderEventsService } from '../application/order-events.service';

/**
 * orders.order.v1 as payments needs it: a payment request, a cancellation that names a payment, and a
 * dispute resolved with a refund.
 * Events arrive validated and upcast (OrderCancelled v1 reads as v2); the rest is not payments' concern.
 */
@Controller()
export class OrderEventsController {
  constructor(private readonly orders: OrderEventsService) {}

  @EventPattern(TOPICS.ordersOrder)
  async onOrderEvent(@Payload() event: MarketplaceEvent): Promise<void> {
    if (isEventType(event, 'marketplace.orders.OrderPaymentRequested.v2')) await this.orders.onPaymentRequested(event);
    else if (isEventType(event, 'marketplace.orders.OrderCancelled.v2')) await this.orders.onOrderCancelled(event);
    else if (isEventType(event, 'marketplace.orders.DisputeResolved.v1')) await this.orders.onDisputeResolved(event);
  }
}
