import { type MarketplaceEvent, TOPICS } from '@marketplace/contracts';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { LedgerRecorder } from '../application/ledger-recorder';

/**
 * orders.order.v1 as the ledger needs it (lines and sellers, disputes, the dispute window). Runs next to
 * the payments' own handler of the topic, on each message in turn, so an order is recorded before its
 * payment is requested.
 */
@Controller()
export class LedgerOrderEventsController {
  constructor(private readonly recorder: LedgerRecorder) {}

  @EventPattern(TOPICS.ordersOrder)
  onOrderEvent(@Payload() event: MarketplaceEvent): Promise<void> {
    return this.recorder.record(event);
  }
}
