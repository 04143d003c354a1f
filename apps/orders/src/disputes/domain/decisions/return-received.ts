import type { DisputeCommand } from '../dispute-commands';
import { DisputeNotFoundError, DisputeResolvedError, ReturnNotRequestedError } from '../dispute-errors';
import type { DisputeEvent } from '../dispute-events';
import type { DisputeState } from '../dispute-state';

/** The returned goods arrived: the dispute is refunded with what the return request promised. */
export function recordReturnReceived(command: Extract<DisputeCommand, { type: 'RecordReturnReceived' }>, state: DisputeState): DisputeEvent[] {
  if (state.status === 'none') throw new DisputeNotFoundError();
  if (state.status === 'resolved') throw new DisputeResolvedError();
  if (state.status !== 'return_requested' || !state.refundOnReceipt) throw new ReturnNotRequestedError();
  const { disputeId, orderId, buyerId, paymentId } = state.opened;
  return [
    {
      type: 'DisputeResolved',
      data: { disputeId, orderId, buyerId, paymentId, outcome: 'refunded', refund: state.refundOnReceipt, resolvedBy: command.receivedBy, note: 'Return received.', resolvedAt: command.at },
    },
  ];
}
