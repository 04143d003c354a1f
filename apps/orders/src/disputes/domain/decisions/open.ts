import type { DisputeCommand } from '../dispute-commands';
import type { DisputeEvent } from '../dispute-events';
import type { DisputeState } from '../dispute-state';

/** Opens the dispute once: opening it again (a retried request, a redelivered chargeback) decides nothing. */
export function openDispute(command: Extract<DisputeCommand, { type: 'OpenDispute' }>, state: DisputeState): DisputeEvent[] {
  if (state.status !== 'none') return [];
  return [{ type: 'DisputeOpened', data: command.opened }];
}
