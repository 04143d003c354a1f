import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { timestamp, uuid } from '../../values';
import { stockLineWithAvailability } from './stock-line';

/** Every line of an order is reserved (all or none); each line carries the product's availability afterwards. */
export const stockReserved = defineEvent({
  type: 'marketplace.catalog.StockReserved.v1',
  topic: TOPICS.catalogInventory,
  description: "Every line of an order is reserved (all or none); each line carries the product's availability afterwards.",
  aggregateId: 'orderId',
  schema: z.strictObject({
    orderId: uuid,
    lines: z.array(stockLineWithAvailability).min(1),
    reservedAt: timestamp,
  }),
});

export type StockReserved = z.infer<typeof stockReserved.schema>;
