import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { timestamp, uuid } from '../../values';
import { categoryName, categorySlug } from './category-fields';

/** A category was added to the tree; parentId is null for a top-level category. */
export const categoryCreated = defineEvent({
  type: 'marketplace.catalog.CategoryCreated.v1',
  topic: TOPICS.catalogProduct,
  description: 'A category was added to the tree; parentId is null for a top-level category.',
  aggregateId: 'categoryId',
  schema: z.strictObject({
    categoryId: uuid,
    parentId: uuid.nullable(),
    name: categoryName,
    slug: categorySlug,
    createdAt: timestamp,
  }),
});

export type CategoryCreated = z.infer<typeof categoryCreated.schema>;
