import { deciderSpecification } from '@marketplace/event-store';
import type { PayoutCommand } from './payout-commands';
import { payoutDecider } from './payout-decider';
import { PayoutAmountError } from './payout-errors';
import type { PayoutEvent } from './payout-events';
import { nextPayoutId } from './payout-ids';

const spec = deciderSpecification(payoutDecider);
const SELLER = '2a4b6c8d-0000-4000-8000-000000000001';
const PAYOUT = nextPayoutId(SELLER, 'EUR', 0);
const at = new Date('2026-03-01T12:00:00.000Z');
const amount = { amount: 2160, currency: 'EUR' };

const schedule: PayoutCommand = { type: 'SchedulePayout', payoutId: PAYOUT, sellerId: SELLER, amount, at };
const paid: PayoutCommand = { type: 'RecordPayoutPaid', payoutId: PAYOUT, providerPayoutId: 'po_sim_1', at };
const failed: PayoutCommand = { type: 'RecordPayoutFailed', payoutId: PAYOUT, failureCode: 'account_closed', message: 'The account is closed.', at };
const scheduled: PayoutEvent = { type: 'SellerPayoutScheduled', data: { payoutId: PAYOUT, sellerId: SELLER, amount, scheduledAt: at.toISOString() } };
const wasPaid: PayoutEvent = { type: 'SellerPayoutPaid', data: { payoutId: PAYOUT, sellerId: SELLER, amount, providerPayoutId: 'po_sim_1', paidAt: at.toISOString() } };
const wasFailed: PayoutEvent = {
  type: 'SellerPayoutFailed',
  data: { payoutId: PAYOUT, sellerId: SELLER, amount, failureCode: 'account_closed', message: 'The account is closed.', failedAt: at.toISOString() },
};

describe('a payout', () => {
  it('is scheduled once per id; the same id again is a no-op', () => {
    spec.given([]).when(schedule).then([scheduled]);
    spec.given([scheduled]).when(schedule).then([]);
    spec.given([scheduled, wasPaid]).when(schedule).then([]);
  });

  it('refuses nothing or a debt', () => {
    spec.given([]).when({ ...schedule, amount: { amount: 0, currency: 'EUR' } } as PayoutCommand).then(PayoutAmountError);
  });

  it('is paid or failed once, from scheduled only', () => {
    spec.given([scheduled]).when(paid).then([wasPaid]);
    spec.given([scheduled]).when(failed).then([wasFailed]);
    spec.given([scheduled, wasPaid]).when(failed).then([]);
    spec.given([scheduled, wasFailed]).when(paid).then([]);
    spec.given([]).when(paid).then([]);
  });

  it('names the next payout by the count so far, per seller and currency', () => {
    expect(nextPayoutId(SELLER, 'EUR', 0)).toBe(PAYOUT);
    expect(new Set([nextPayoutId(SELLER, 'EUR', 1), nextPayoutId(SELLER, 'USD', 0), PAYOUT]).size).toBe(3);
  });
});
