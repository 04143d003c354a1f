import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { positiveQuantity, quantity, timestamp, uuid } from '../../values';

/** An order could not be reserved, so nothing was; shortages lists the lines that lacked stock. */
export const stockReservationFailed = defineEvent({
  type: 'marketplace.catalog.StockReservationFailed.v1',
  topic: TOPICS.catalogInventory,
  description: 'An order could not be reserved, so nothing was; shortages lists the lines that lacked stock.',
  aggregateId: 'orderId',
  schema: z.strictObject({
    orderId: uuid,
    shortages: z
      .array(z.strictObject({ productId: uuid, requested: positiveQuantity, available: quantity }))
      .min(1),
    failedAt: timestamp,
  }),
});

export type StockReservationFailed = z.infer<typeof stockReservationFailed.schema>;
