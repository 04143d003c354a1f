import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { timestamp, uuid } from '../../values';

/** An admin approved a seller application; a RoleGranted(seller) follows. */
export const sellerApproved = defineEvent({
  type: 'marketplace.identity.SellerApproved.v1',
  topic: TOPICS.identityUser,
  description: 'An admin approved a seller application; a RoleGranted(seller) follows.',
  aggregateId: 'userId',
  schema: z.strictObject({
    applicationId: uuid,
    userId: uuid,
    storeName: z.string().min(1).max(200),
    approvedBy: uuid,
    approvedAt: timestamp,
  }),
});

export type SellerApproved = z.infer<typeof sellerApproved.schema>;
