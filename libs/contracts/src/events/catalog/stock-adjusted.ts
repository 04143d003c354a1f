import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { quantity, timestamp, uuid } from '../../values';

/** A seller set the quantity on hand; available is what can still be reserved (on hand minus reserved). */
export const stockAdjusted = defineEvent({
  type: 'marketplace.catalog.StockAdjusted.v1',
  topic: TOPICS.catalogInventory,
  description: 'A seller set the quantity on hand; available is what can still be reserved (on hand minus reserved).',
  aggregateId: 'productId',
  schema: z.strictObject({
    productId: uuid,
    sellerId: uuid,
    onHand: quantity,
    available: quantity,
    adjustedAt: timestamp,
  }),
});

export type StockAdjusted = z.infer<typeof stockAdjusted.schema>;
