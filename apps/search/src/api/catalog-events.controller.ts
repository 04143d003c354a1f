import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { TOPICS } from '@marketplace/contracts';
import { type EventBatch, EventBatchPattern } from '@marketplace/messaging';
import { CatalogEventIntake } from '../infrastructure/catalog-event-intake';

/**
 * Catalog events enter search's own log a partition batch at a time; the projection builds the read
 * model from there. A batch that fails is handed over again one event at a time (see createBatchPipeline).
 */
@Controller()
export class CatalogEventsController {
  constructor(private readonly intake: CatalogEventIntake) {}

  @EventBatchPattern(TOPICS.catalogProduct)
  onProductEvents(@Payload() batch: EventBatch): Promise<void> {
    return this.intake.record(batch);
  }

  @EventBatchPattern(TOPICS.catalogInventory)
  onInventoryEvents(@Payload() batch: EventBatch): Promise<void> {
    return this.intake.record(batch);
  }
}
