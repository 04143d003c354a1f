import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { timestamp, uuid } from '../../values';
import { productAttributes, productDescription, productImageUrls, productTitle } from './product-fields';

/** A seller edited a product; the event carries all descriptive fields as they now are (the price has its own event). */
export const productUpdated = defineEvent({
  type: 'marketplace.catalog.ProductUpdated.v1',
  topic: TOPICS.catalogProduct,
  description: 'A seller edited a product; the event carries all descriptive fields as they now are (the price has its own event).',
  aggregateId: 'productId',
  schema: z.strictObject({
    productId: uuid,
    sellerId: uuid,
    categoryId: uuid,
    title: productTitle,
    description: productDescription,
    attributes: productAttributes,
    imageUrls: productImageUrls,
    updatedAt: timestamp,
  }),
});

export type ProductUpdated = z.infer<typeof productUpdated.schema>;
