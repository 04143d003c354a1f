import type { DisputeCommand } from '../dispute-commands';
import { DisputeNotFoundError, DisputeResolvedError } from '../dispute-errors';
import type { DisputeEvent } from '../dispute-events';
import type { DisputeState } from '../dispute-state';

/** A party adds a message while the dispute is open (or a return is awaited); not after its resolution. */
export function respondToDispute(command: Extract<DisputeCommand, { type: 'RespondToDispute' }>, state: DisputeState): DisputeEvent[] {
  if (state.status === 'none') throw new DisputeNotFoundError();
  if (state.status === 'resolved') throw new DisputeResolvedError();
  const { disputeId, orderId, buyerId } = state.opened;
  const { responderId, role, message, at } = command;
  return [{ type: 'DisputeResponded', data: { disputeId, orderId, buyerId, responderId, role, message, respondedAt: at } }];
}
