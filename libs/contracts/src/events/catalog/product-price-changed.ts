import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { money, timestamp, uuid } from '../../values';

/** A product has a new price; orders placed from now on snapshot it. */
export const productPriceChanged = defineEvent({
  type: 'marketplace.catalog.ProductPriceChanged.v1',
  topic: TOPICS.catalogProduct,
  description: 'A product has a new price; orders placed from now on snapshot it.',
  aggregateId: 'productId',
  schema: z.strictObject({
    productId: uuid,
    sellerId: uuid,
    previousPrice: money,
    price: money,
    changedAt: timestamp,
  }),
});

export type ProductPriceChanged = z.infer<typeof productPriceChanged.schema>;
