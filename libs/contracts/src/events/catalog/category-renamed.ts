import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { timestamp, uuid } from '../../values';
import { categoryName, categorySlug } from './category-fields';

/** A category got a new name and slug. */
export const categoryRenamed = defineEvent({
  type: 'marketplace.catalog.CategoryRenamed.v1',
  topic: TOPICS.catalogProduct,
  description: 'A category got a new name and slug.',
  aggregateId: 'categoryId',
  schema: z.strictObject({
    categoryId: uuid,
    name: categoryName,
    slug: categorySlug,
    renamedAt: timestamp,
  }),
});

export type CategoryRenamed = z.infer<typeof categoryRenamed.schema>;
