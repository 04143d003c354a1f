import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { money, timestamp, uuid } from '../../values';
import { productAttributes, productDescription, productImageUrls, productTitle } from './product-fields';

/** A seller created a product as a draft; it is not for sale until ProductPublished. */
export const productCreated = defineEvent({
  type: 'marketplace.catalog.ProductCreated.v1',
  topic: TOPICS.catalogProduct,
  description: 'A seller created a product as a draft; it is not for sale until ProductPublished.',
  aggregateId: 'productId',
  schema: z.strictObject({
    productId: uuid,
    sellerId: uuid,
    categoryId: uuid,
    title: productTitle,
    description: productDescription,
    attributes: productAttributes,
    imageUrls: productImageUrls,
    price: money,
    createdAt: timestamp,
  }),
});

export type ProductCreated = z.infer<typeof productCreated.schema>;
