import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { timestamp, uuid } from '../../values';

/** A buyer rated a product from 1 to 5 stars, with an optional text. */
export const reviewPosted = defineEvent({
  type: 'marketplace.catalog.ReviewPosted.v1',
  topic: TOPICS.catalogProduct,
  description: 'A buyer rated a product from 1 to 5 stars, with an optional text.',
  aggregateId: 'productId',
  schema: z.strictObject({
    reviewId: uuid,
    productId: uuid,
    authorId: uuid,
    rating: z.int().min(1).max(5),
    body: z.string().max(5000).optional(),
    postedAt: timestamp,
  }),
});

export type ReviewPosted = z.infer<typeof reviewPosted.schema>;
