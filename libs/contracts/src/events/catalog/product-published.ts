import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { timestamp, uuid } from '../../values';

/** A product is now visible and for sale. */
export const productPublished = defineEvent({
  type: 'marketplace.catalog.ProductPublished.v1',
  topic: TOPICS.catalogProduct,
  description: 'A product is now visible and for sale.',
  aggregateId: 'productId',
  schema: z.strictObject({
    productId: uuid,
    sellerId: uuid,
    publishedAt: timestamp,
  }),
});

export type ProductPublished = z.infer<typeof productPublished.schema>;
