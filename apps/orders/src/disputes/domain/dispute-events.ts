import type { DisputeOpened, DisputeResolved, DisputeResponded, DisputeReturnRequested } from '@marketplace/contracts';

/** What happens to a dispute, stored in its stream `dispute-<id>` with exactly its contract's data (published as is). */
export type DisputeEvent =
  | { type: 'DisputeOpened'; data: DisputeOpened }
  | { type: 'DisputeResponded'; data: DisputeResponded }
  | { type: 'DisputeReturnRequested'; data: DisputeReturnRequested }
  | { type: 'DisputeResolved'; data: DisputeResolved };

export type DisputeEventType = DisputeEvent['type'];

export const DISPUTE_EVENT_TYPES: readonly DisputeEventType[] = ['DisputeOpened', 'DisputeResponded', 'DisputeReturnRequested', 'DisputeResolved'];
