import { randomUUID } from 'node:crypto';
import { applyToBook, emptyBook, type LedgerEvent } from './ledger-book';
import { balanceKey } from './seller-balance';
import { ledgerEvents as e } from '../../../test/fixtures/ledger-history';
import { disputeRefundId } from '../../payments/domain/dispute-refund';

const [A, B] = [randomUUID(), randomUUID()];
const [order1, order2, order3, pay1, pay2, pay3] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
const [p1, p2, p3, p4] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];

function run(events: LedgerEvent[]) {
  const book = events.reduce((current, event) => applyToBook(current, event, randomUUID()), emptyBook());
  const commission = book.transactions.flatMap((t) => t.entries).filter((entry) => entry.account === 'commission_revenue').reduce((sum, entry) => sum + entry.amount, 0);
  return { book, commission, balance: (seller: string) => book.balances.get(balanceKey(seller, 'EUR')) };
}

describe('the ledger after a mixed history (hand-computed, 10% commission)', () => {
  it('gives each seller exactly the balances worked out by hand', () => {
    const payout = randomUUID();
    const { book, commission, balance } = run([
      // Order 1: A sells 30.00 (commission 3.00), B 20.00 (2.00), shipping 5.00: total 55.00.
      e.recorded(order1, [[p1, A, 3000], [p2, B, 2000]], 500),
      e.captured(order1, pay1, 5500),
      // 11.00 back, pro rata over 30 : 20 : 5 -> A 6.00 (commission 0.60 back), B 4.00 (0.40 back), shipping 1.00.
      e.refunded(order1, pay1, 1100),
      e.windowClosed(order1),
      // Order 2: A sells 12.34 (commission 12.34 x 10% = 1.234 -> 1.23); a chargeback holds it, lost for 6.17:
      // commission back 1.23 x 617 / 1234 = 0.615 -> 0.62 (half up), A loses 6.17 - 0.62 = 5.55.
      e.recorded(order2, [[p3, A, 1234]]),
      e.captured(order2, pay2, 1234),
      e.chargebackOpened(order2, pay2, 'c0000000-0000-4000-8000-000000000001', 1234),
      e.chargebackClosed(order2, pay2, 'c0000000-0000-4000-8000-000000000001', 617, 'lost'),
      e.payout('SellerPayoutScheduled', payout, A, 2160),
      e.payout('SellerPayoutPaid', payout, A, 2160),
    ]);
    expect(balance(A)).toEqual({ pending: 556, held: 0, available: 0, in_transit: 0, paid: 2160 });
    expect(balance(B)).toEqual({ pending: 0, held: 0, available: 1440, in_transit: 0, paid: 0 });
    expect(commission).toBe(300 + 200 - 60 - 40 + 123 - 62);
    expect(book.transactions.map((t) => t.kind)).toEqual(['sale', 'commission', 'refund', 'release', 'sale', 'commission', 'hold', 'chargeback', 'release', 'payout', 'payout_paid']);
  });

  it('holds disputed lines past the window, then charges the dispute refund to them alone', () => {
    const dispute = randomUUID();
    const opened = [e.recorded(order3, [[p3, A, 1000], [p4, B, 1000]], 200), e.captured(order3, pay3, 2200), e.disputeOpened(order3, pay3, dispute, [p3]), e.windowClosed(order3)];
    expect(run(opened).balance(A)).toEqual({ pending: 0, held: 900, available: 0, in_transit: 0, paid: 0 });
    expect(run(opened).balance(B)?.available).toBe(900);
    const resolved = run([...opened, e.disputeResolved(order3, dispute, 'refunded')]);
    expect(resolved.balance(A)?.held).toBe(900);
    // 6.00 back for the disputed line: A loses 6.00 less 0.60 commission; the rest is released.
    const refunded = run([...opened, e.disputeResolved(order3, dispute, 'refunded'), e.refunded(order3, pay3, 600, disputeRefundId(pay3, dispute))]);
    expect(refunded.balance(A)).toEqual({ pending: 0, held: 0, available: 360, in_transit: 0, paid: 0 });
    expect(refunded.balance(B)?.available).toBe(900);
  });

  it('lifts a won chargeback without charging anyone, and puts a failed payout back', () => {
    const chargeback = randomUUID();
    const payout = randomUUID();
    const { balance } = run([
      e.recorded(order1, [[p1, A, 3000]]),
      e.captured(order1, pay1, 3000),
      e.windowClosed(order1),
      e.chargebackOpened(order1, pay1, chargeback, 3000),
      e.chargebackClosed(order1, pay1, chargeback, 3000, 'won'),
      e.payout('SellerPayoutScheduled', payout, A, 2700),
      e.payout('SellerPayoutFailed', payout, A, 2700),
    ]);
    expect(balance(A)).toEqual({ pending: 0, held: 0, available: 2700, in_transit: 0, paid: 0 });
  });

  it('posts the sale when the order is recorded after its capture', () => {
    const { balance } = run([e.captured(order1, pay1, 3000), e.recorded(order1, [[p1, A, 3000]])]);
    expect(balance(A)?.pending).toBe(2700);
  });
});
