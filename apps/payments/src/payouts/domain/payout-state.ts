import type { Money } from '@marketplace/contracts';
import type { PayoutEvent } from './payout-events';

/** scheduled -> paid | failed; both are final. */
export type PayoutState =
  | { status: 'none' }
  | { status: 'scheduled' | 'paid' | 'failed'; payoutId: string; sellerId: string; amount: Money; scheduledAt: string };

export function initialPayoutState(): PayoutState {
  return { status: 'none' };
}

export function evolvePayout(state: PayoutState, event: PayoutEvent): PayoutState {
  switch (event.type) {
    case 'SellerPayoutScheduled': {
      const { payoutId, sellerId, amount, scheduledAt } = event.data;
      return { status: 'scheduled', payoutId, sellerId, amount, scheduledAt };
    }
    case 'SellerPayoutPaid':
      return state.status === 'none' ? state : { ...state, status: 'paid' };
    case 'SellerPayoutFailed':
      return state.status === 'none' ? state : { ...state, status: 'failed' };
    default:
      return unknownEvent(event);
  }
}

function unknownEvent(event: never): never {
  throw new Error(`Unknown payout event ${JSON.stringify(event)}`);
}
