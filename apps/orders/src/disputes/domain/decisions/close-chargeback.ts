import type { DisputeCommand } from '../dispute-commands';
import type { DisputeEvent } from '../dispute-events';
import type { DisputeState } from '../dispute-state';

/** Nobody resolved it: the case closed with its chargeback. */
export const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/** Payments' ChargebackClosed ends the case; for a case already resolved (by an admin, or a redelivery) it does nothing. */
export function closeChargebackCase(command: Extract<DisputeCommand, { type: 'CloseChargebackCase' }>, state: DisputeState): DisputeEvent[] {
  if (state.status === 'none' || state.status === 'resolved' || state.opened.kind !== 'chargeback') return [];
  const { disputeId, orderId, buyerId, paymentId } = state.opened;
  return [
    {
      type: 'DisputeResolved',
      data: { disputeId, orderId, buyerId, paymentId, outcome: 'closed', resolvedBy: NIL_UUID, note: `The chargeback was ${command.outcome}.`, resolvedAt: command.at },
    },
  ];
}
