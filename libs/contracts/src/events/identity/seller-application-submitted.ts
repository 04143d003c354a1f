import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { timestamp, uuid } from '../../values';

/** A user asked to sell on the marketplace; an admin approves or rejects the application. */
export const sellerApplicationSubmitted = defineEvent({
  type: 'marketplace.identity.SellerApplicationSubmitted.v1',
  topic: TOPICS.identityUser,
  description: 'A user asked to sell on the marketplace; an admin approves or rejects the application.',
  aggregateId: 'userId',
  schema: z.strictObject({
    applicationId: uuid,
    userId: uuid,
    storeName: z.string().min(1).max(200),
    submittedAt: timestamp,
  }),
});

export type SellerApplicationSubmitted = z.infer<typeof sellerApplicationSubmitted.schema>;
