import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { timestamp, uuid } from '../../values';
import { role } from './role';

/** A user gained a role. `grantedBy` is the admin who granted it, or null when the system did (sign-up). */
export const roleGranted = defineEvent({
  type: 'marketplace.identity.RoleGranted.v1',
  topic: TOPICS.identityUser,
  description: 'A user gained a role. grantedBy is the admin who granted it, or null when the system did (sign-up).',
  aggregateId: 'userId',
  schema: z.strictObject({
    userId: uuid,
    role,
    grantedBy: uuid.nullable(),
    grantedAt: timestamp,
  }),
});

export type RoleGranted = z.infer<typeof roleGranted.schema>;
