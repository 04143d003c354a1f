import type { RecordPayoutFailed, RecordPayoutPaid, SchedulePayout } from './payout-commands';
import { PayoutAmountError } from './payout-errors';
import type { PayoutEvent } from './payout-events';
import type { PayoutState } from './payout-state';

/** Once per payout id: the same id again (a concurrent or repeated pass) schedules nothing more. */
export function schedulePayout(command: SchedulePayout, state: PayoutState): PayoutEvent[] {
  if (state.status !== 'none') return [];
  const { payoutId, sellerId, amount, at } = command;
  if (amount.amount <= 0) throw new PayoutAmountError(amount.amount);
  return [{ type: 'SellerPayoutScheduled', data: { payoutId, sellerId, amount, scheduledAt: at.toISOString() } }];
}

/** The provider paid it; a repeated or late answer changes nothing. */
export function recordPayoutPaid(command: RecordPayoutPaid, state: PayoutState): PayoutEvent[] {
  if (state.status !== 'scheduled') return [];
  const { payoutId, sellerId, amount } = state;
  return [{ type: 'SellerPayoutPaid', data: { payoutId, sellerId, amount, providerPayoutId: command.providerPayoutId, paidAt: command.at.toISOString() } }];
}

/** The provider refused it: its amount is available again (the ledger moves it back). */
export function recordPayoutFailed(command: RecordPayoutFailed, state: PayoutState): PayoutEvent[] {
  if (state.status !== 'scheduled') return [];
  const { payoutId, sellerId, amount } = state;
  const { failureCode, message, at } = command;
  return [{ type: 'SellerPayoutFailed', data: { payoutId, sellerId, amount, failureCode, message, failedAt: at.toISOString() } }];
}
