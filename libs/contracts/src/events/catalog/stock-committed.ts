import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { timestamp, uuid } from '../../values';
import { stockLine } from './stock-line';

/** A paid order's reservation became a sale: the quantities left the stock on hand. */
export const stockCommitted = defineEvent({
  type: 'marketplace.catalog.StockCommitted.v1',
  topic: TOPICS.catalogInventory,
  description: "A paid order's reservation became a sale: the quantities left the stock on hand.",
  aggregateId: 'orderId',
  schema: z.strictObject({
    orderId: uuid,
    lines: z.array(stockLine).min(1),
    committedAt: timestamp,
  }),
});

export type StockCommitted = z.infer<typeof stockCommitted.schema>;
