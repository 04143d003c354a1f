import type { Decider } from '@marketplace/event-store';
import type { PayoutCommand } from './payout-commands';
import type { PayoutEvent } from './payout-events';
import { evolvePayout, initialPayoutState, type PayoutState } from './payout-state';
import { recordPayoutFailed, recordPayoutPaid, schedulePayout } from './schedule-payout';

export function decidePayout(command: PayoutCommand, state: PayoutState): PayoutEvent[] {
  switch (command.type) {
    case 'SchedulePayout':
      return schedulePayout(command, state);
    case 'RecordPayoutPaid':
      return recordPayoutPaid(command, state);
    case 'RecordPayoutFailed':
      return recordPayoutFailed(command, state);
    default:
      return unknownCommand(command);
  }
}

function unknownCommand(command: never): never {
  throw new Error(`Unknown payout command ${JSON.stringify(command)}`);
}

/** A payout to one seller in one currency. */
export const payoutDecider: Decider<PayoutCommand, PayoutEvent, PayoutState> = {
  decide: decidePayout,
  evolve: evolvePayout,
  initialState: initialPayoutState,
};
