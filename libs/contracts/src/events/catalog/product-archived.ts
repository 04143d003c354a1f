import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { timestamp, uuid } from '../../values';

/** A product was withdrawn from sale for good; existing orders are unaffected. */
export const productArchived = defineEvent({
  type: 'marketplace.catalog.ProductArchived.v1',
  topic: TOPICS.catalogProduct,
  description: 'A product was withdrawn from sale for good; existing orders are unaffected.',
  aggregateId: 'productId',
  schema: z.strictObject({
    productId: uuid,
    sellerId: uuid,
    archivedAt: timestamp,
  }),
});

export type ProductArchived = z.infer<typeof productArchived.schema>;
