import type { DisputeOpened, DisputeResolved, Money } from '@marketplace/contracts';
import type { DisputeEvent } from './dispute-events';

export const DISPUTE_STATUSES = ['open', 'return_requested', 'resolved'] as const;

export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

/** A dispute that exists: how it was opened, and where it stands. */
export interface ActiveDispute {
  status: DisputeStatus;
  opened: DisputeOpened;
  refundOnReceipt?: Money;
  resolution?: DisputeResolved;
}

export type DisputeState = { status: 'none' } | ActiveDispute;

export const initialDisputeState = (): DisputeState => ({ status: 'none' });

/** What the disputed lines cost the buyer: the most a dispute can refund. */
export function disputedTotal(dispute: ActiveDispute): Money {
  const { lines } = dispute.opened;
  return { amount: lines.reduce((sum, line) => sum + line.amount.amount, 0), currency: lines[0].amount.currency };
}

export function evolveDispute(state: DisputeState, event: DisputeEvent): DisputeState {
  if (event.type === 'DisputeOpened') return { status: 'open', opened: event.data };
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'DisputeResponded':
      return state;
    case 'DisputeReturnRequested':
      return { ...state, status: 'return_requested', refundOnReceipt: event.data.refundOnReceipt };
    case 'DisputeResolved':
      return { ...state, status: 'resolved', resolution: event.data };
    default: {
      const unknown: never = event;
      throw new Error(`Unknown dispute event ${JSON.stringify(unknown)}`);
    }
  }
}
