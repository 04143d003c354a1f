import { isEventType, type MarketplaceEvent, TOPICS } from '@marketplace/contracts';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { OrderStreams } from '../application/order-streams';

/** Payments' RefundIssued becomes OrderRefunded in the order's history, once per refund. */
@Controller()
export class RefundEventsController {
  constructor(private readonly orders: OrderStreams) {}

  @EventPattern(TOPICS.paymentsPayment)
  async onPaymentEvent(@Payload() event: MarketplaceEvent): Promise<void> {
    if (!isEventType(event, 'marketplace.payments.RefundIssued.v1')) return;
    const { orderId, paymentId, refundId, amount, issuedAt } = event.data;
    if (!(await this.orders.exists(orderId))) return;
    await this.orders.execute(
      orderId,
      { type: 'RecordRefund', refundId, paymentId, amount, at: issuedAt },
      { commandId: `refund/${event.id}`, actor: { kind: 'system' }, correlationId: event.correlationid ?? orderId, causationId: event.id },
    );
  }
}
