import type { Money } from '@marketplace/contracts';
import type { DisputeCommand } from '../dispute-commands';
import { ChargebackNotRefundableError, DisputeNotFoundError, DisputeResolvedError, RefundExceedsDisputedError, ReturnAlreadyRequestedError } from '../dispute-errors';
import type { DisputeEvent } from '../dispute-events';
import { type ActiveDispute, type DisputeState, disputedTotal } from '../dispute-state';

/**
 * An admin's decision: refund (all of the disputed lines, or part of it), reject, or ask for the goods
 * back first. A chargeback's money was already moved by the bank, so only a rejection applies to it.
 */
export function resolveDispute(command: Extract<DisputeCommand, { type: 'ResolveDispute' }>, state: DisputeState): DisputeEvent[] {
  if (state.status === 'none') throw new DisputeNotFoundError();
  if (state.status === 'resolved') throw new DisputeResolvedError();
  if (state.opened.kind === 'chargeback' && command.decision !== 'reject') throw new ChargebackNotRefundableError();
  const { disputeId, orderId, buyerId, paymentId } = state.opened;
  const { adminId, note, at } = command;
  switch (command.decision) {
    case 'reject':
      return [{ type: 'DisputeResolved', data: { disputeId, orderId, buyerId, paymentId, outcome: 'rejected', resolvedBy: adminId, ...(note && { note }), resolvedAt: at } }];
    case 'refund': {
      const refund = refundOf(state, command.amount);
      return [{ type: 'DisputeResolved', data: { disputeId, orderId, buyerId, paymentId, outcome: 'refunded', refund, resolvedBy: adminId, ...(note && { note }), resolvedAt: at } }];
    }
    case 'request_return': {
      if (state.status === 'return_requested') throw new ReturnAlreadyRequestedError();
      const refundOnReceipt = refundOf(state, command.amount);
      return [{ type: 'DisputeReturnRequested', data: { disputeId, orderId, buyerId, requestedBy: adminId, refundOnReceipt, ...(note && { note }), requestedAt: at } }];
    }
    default: {
      const unknown: never = command.decision;
      throw new Error(`Unknown dispute decision ${JSON.stringify(unknown)}`);
    }
  }
}

/** The amount asked for, in the order currency and at most the disputed total; the whole total when none is asked for. */
function refundOf(dispute: ActiveDispute, amount: Money | undefined): Money {
  const total = disputedTotal(dispute);
  if (!amount) return total;
  if (amount.currency !== total.currency) throw new RefundExceedsDisputedError([{ field: 'amount.currency', message: `must be ${total.currency}, the order currency` }]);
  if (amount.amount > total.amount) throw new RefundExceedsDisputedError([{ field: 'amount.amount', message: `must be at most ${total.amount}, the disputed lines' total` }]);
  return amount;
}
