import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { timestamp, uuid } from '../../values';

/** A category moved under another parent (null: to the top level), taking its subtree with it. */
export const categoryMoved = defineEvent({
  type: 'marketplace.catalog.CategoryMoved.v1',
  topic: TOPICS.catalogProduct,
  description: 'A category moved under another parent (null: to the top level), taking its subtree with it.',
  aggregateId: 'categoryId',
  schema: z.strictObject({
    categoryId: uuid,
    fromParentId: uuid.nullable(),
    toParentId: uuid.nullable(),
    movedAt: timestamp,
  }),
});

export type CategoryMoved = z.infer<typeof categoryMoved.schema>;
