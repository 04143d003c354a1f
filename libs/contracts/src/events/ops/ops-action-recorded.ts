import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { timestamp, uuid } from '../../values';

/** What an admin did through the ops server, and how it ended. */
export const opsAction = z.enum(['rebuild_requested', 'rebuild_finished', 'dead_letter_replayed']);

/** `accepted`: started (a rebuild runs on in the background); `succeeded` or `failed`: done. */
export const opsActionOutcome = z.enum(['accepted', 'succeeded', 'failed']);

/** A value of an action's details: flat, so that any consumer can show it as it is. */
const detailValue = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]);

/** An admin's ops action (a projection rebuild, a dead-letter replay) was recorded in the ops server's audit stream. */
export const opsActionRecorded = defineEvent({
  type: 'marketplace.ops.OpsActionRecorded.v1',
  topic: TOPICS.opsAudit,
  description: "An admin's ops action (a projection rebuild asked for or ended, a dead letter replayed) with who, when, on what and how it ended.",
  aggregateId: 'actionId',
  schema: z.strictObject({
    actionId: uuid,
    action: opsAction,
    outcome: opsActionOutcome,
    adminId: uuid.describe('The admin who asked for it (the access token subject)'),
    target: z.string().min(1).max(500).describe('What it acted on, e.g. `projection orders/order-read-model` or `dead letter orders.order.v1.dlq/<id>`'),
    details: z.record(z.string().max(100), detailValue).describe('The rebuild id, events processed, letters replayed, the error'),
    recordedAt: timestamp,
  }),
});

export type OpsActionRecorded = z.infer<typeof opsActionRecorded.schema>;
export type OpsAction = z.infer<typeof opsAction>;
export type OpsActionOutcome = z.infer<typeof opsActionOutcome>;
