import { isEventType, type MarketplaceEvent, TOPICS } from '@marketplace/contracts';
import { nameBasedId } from '@marketplace/kernel';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { CheckoutService } from '../application/checkout.service';

/** Namespace of the payment ids the checkout requests, derived from the StockReserved that led to them. */
const PAYMENT_IDS = '9a3e7c52-1b6f-4d0a-8e2c-7f4b5d9e1a30';

/** Catalog's reservation outcomes and payments' results, as checkout inputs (other events pass by). */
@Controller()
export class CheckoutEventsController {
  constructor(private readonly checkout: CheckoutService) {}

  @EventPattern(TOPICS.catalogInventory)
  async onInventoryEvent(@Payload() event: MarketplaceEvent): Promise<void> {
    const base = { inputId: event.id, at: event.time };
    if (isEventType(event, 'marketplace.catalog.StockReserved.v1')) {
      const { orderId } = event.data;
      await this.checkout.handle({ ...base, type: 'StockReserved', orderId, newPaymentId: nameBasedId(PAYMENT_IDS, event.id) }, correlationOf(event));
    } else if (isEventType(event, 'marketplace.catalog.StockReservationFailed.v1')) {
      const { orderId, shortages } = event.data;
      await this.checkout.handle({ ...base, type: 'StockReservationFailed', orderId, shortProductIds: shortages.map((s) => s.productId) }, correlationOf(event));
    }
  }

  @EventPattern(TOPICS.paymentsPayment)
  async onPaymentEvent(@Payload() event: MarketplaceEvent): Promise<void> {
    const base = { inputId: event.id, at: event.time };
    if (isEventType(event, 'marketplace.payments.PaymentCaptured.v1')) {
      const { orderId, paymentId } = event.data;
      await this.checkout.handle({ ...base, type: 'PaymentCaptured', orderId, paymentId }, correlationOf(event));
    } else if (isEventType(event, 'marketplace.payments.PaymentFailed.v1')) {
      const { orderId, paymentId, failureCode, declineCode } = event.data;
      await this.checkout.handle({ ...base, type: 'PaymentFailed', orderId, paymentId, failureCode: declineCode ?? failureCode }, correlationOf(event));
    }
  }
}

function correlationOf(event: MarketplaceEvent): string {
  return event.correlationid ?? event.subject;
}
