import type { Decider } from '@marketplace/event-store';
import { closeChargebackCase } from './decisions/close-chargeback';
import { openDispute } from './decisions/open';
import { resolveDispute } from './decisions/resolve';
import { respondToDispute } from './decisions/respond';
import { recordReturnReceived } from './decisions/return-received';
import type { DisputeCommand } from './dispute-commands';
import type { DisputeEvent } from './dispute-events';
import { type DisputeState, evolveDispute, initialDisputeState } from './dispute-state';

/**
 * The Dispute aggregate (`dispute-<id>`). Who may act is checked before (access is not a state rule);
 * people's commands from the wrong status are typed errors, payments' chargeback closing is a quiet no-op.
 */
export const disputeDecider: Decider<DisputeCommand, DisputeEvent, DisputeState> = {
  initialState: initialDisputeState,
  evolve: evolveDispute,
  decide(command, state) {
    switch (command.type) {
      case 'OpenDispute':
        return openDispute(command, state);
      case 'RespondToDispute':
        return respondToDispute(command, state);
      case 'ResolveDispute':
        return resolveDispute(command, state);
      case 'RecordReturnReceived':
        return recordReturnReceived(command, state);
      case 'CloseChargebackCase':
        return closeChargebackCase(command, state);
      default: {
        const unknown: never = command;
        throw new Error(`Unknown dispute command ${JSON.stringify(unknown)}`);
      }
    }
  },
};
