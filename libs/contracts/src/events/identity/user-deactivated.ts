import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { timestamp, uuid } from '../../values';

/** A user can no longer sign in; `deactivatedBy` is the admin, or the user themself closing the account. */
export const userDeactivated = defineEvent({
  type: 'marketplace.identity.UserDeactivated.v1',
  topic: TOPICS.identityUser,
  description: 'A user can no longer sign in; deactivatedBy is the admin, or the user themself closing the account.',
  aggregateId: 'userId',
  schema: z.strictObject({
    userId: uuid,
    deactivatedBy: uuid,
    reason: z.string().min(1).max(1000).optional(),
    deactivatedAt: timestamp,
  }),
});

export type UserDeactivated = z.infer<typeof userDeactivated.schema>;
