import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { TOPICS } from '@marketplace/contracts';
import { type EventBatch, EventBatchPattern } from '@marketplace/messaging';
import { OrderEventIntake } from '../infrastructure/order-event-intake';

/** Order events enter search's own log a partition batch at a time; the recommendations projection counts purchases from there. */
@Controller()
export class OrderEventsController {
  constructor(private readonly intake: OrderEventIntake) {}

  @EventBatchPattern(TOPICS.ordersOrder)
  onOrderEvents(@Payload() batch: EventBatch): Promise<void> {
    return this.intake.record(batch);
  }
}
