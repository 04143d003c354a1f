import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { timestamp, uuid } from '../../values';
import { stockLineWithAvailability } from './stock-line';

/** An order's reservation was given back (order cancelled or unpaid in time); each line carries the availability afterwards. */
export const stockReleased = defineEvent({
  type: 'marketplace.catalog.StockReleased.v1',
  topic: TOPICS.catalogInventory,
  description: "An order's reservation was given back (order cancelled or unpaid in time); each line carries the availability afterwards.",
  aggregateId: 'orderId',
  schema: z.strictObject({
    orderId: uuid,
    lines: z.array(stockLineWithAvailability).min(1),
    releasedAt: timestamp,
  }),
});

export type StockReleased = z.infer<typeof stockReleased.schema>;
