import { isEventType, type MarketplaceEvent, TOPICS } from '@marketplace/contracts';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ChargebackCasesService } from '../application/chargeback-cases.service';

/** Payments' ChargebackOpened and ChargebackClosed open and close admin cases (other events pass by). */
@Controller()
export class ChargebackEventsController {
  constructor(private readonly cases: ChargebackCasesService) {}

  @EventPattern(TOPICS.paymentsPayment)
  async onPaymentEvent(@Payload() event: MarketplaceEvent): Promise<void> {
    const context = { commandId: `chargeback/${event.id}`, actor: { kind: 'system' as const }, correlationId: event.correlationid ?? event.subject ?? event.id, causationId: event.id };
    if (isEventType(event, 'marketplace.payments.ChargebackOpened.v1')) await this.cases.open(event.data, context);
    else if (isEventType(event, 'marketplace.payments.ChargebackClosed.v1')) await this.cases.close(event.data, context);
  }
}
