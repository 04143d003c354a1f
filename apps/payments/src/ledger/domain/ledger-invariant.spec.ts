import { nameBasedId } from '@marketplace/kernel';
import { applyToBook, emptyBook, type LedgerBook, type LedgerEvent } from './ledger-book';
import { SELLER_ACCOUNTS } from './ledger-entries';
import { ledgerEvents as e } from '../../../test/fixtures/ledger-history';
import { disputeRefundId } from '../../payments/domain/dispute-refund';
import { lineNet } from './order-ledger-state';
import { balanceKey, emptyBalance } from './seller-balance';

/** mulberry32: a small seeded generator, so a failing history can be replayed from its seed. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)), pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] };
}

const NS = '6f1c2a3e-0000-4000-8000-000000000000';
const SELLERS = [1, 2, 3].map((n) => nameBasedId(NS, `seller-${n}`));

/** A random but possible history: orders recorded and captured, then refunds, disputes, chargebacks, windows and payouts. */
function* history(seed: number, book: LedgerBook): Generator<LedgerEvent> {
  const random = generator(seed);
  const open: { orderId: string; paymentId: string; products: string[]; total: number; refunded: number; disputes: string[] }[] = [];
  for (let step = 0; step < 60; step += 1) {
    const roll = random.next();
    if (roll < 0.2 || open.length === 0) {
      const orderId = nameBasedId(NS, `order-${seed}-${step}`);
      const paymentId = nameBasedId(orderId, 'payment');
      const lines = Array.from({ length: random.int(1, 3) }, (_, n): [string, string, number] => [nameBasedId(orderId, `p${n}`), random.pick(SELLERS), random.int(1, 50_000)]);
      const total = lines.reduce((sum, [, , amount]) => sum + amount, 0) + random.int(0, 999);
      yield e.recorded(orderId, lines, total - lines.reduce((sum, [, , amount]) => sum + amount, 0), 0, random.pick([0, 750, 1000, 1500]));
      yield e.captured(orderId, paymentId, total);
      open.push({ orderId, paymentId, products: lines.map(([productId]) => productId), total, refunded: 0, disputes: [] });
      continue;
    }
    const order = random.pick(open);
    const left = order.total - order.refunded;
    if (roll < 0.35 && left > 0) {
      const amount = random.int(1, left);
      order.refunded += amount;
      yield e.refunded(order.orderId, order.paymentId, amount);
    } else if (roll < 0.45) {
      const chargeback = nameBasedId(order.orderId, `chargeback-${step}`);
      yield e.chargebackOpened(order.orderId, order.paymentId, chargeback, order.total);
      yield e.chargebackClosed(order.orderId, order.paymentId, chargeback, random.int(1, order.total), random.pick(['won', 'lost'] as const));
    } else if (roll < 0.6) {
      const dispute = nameBasedId(order.orderId, `dispute-${step}`);
      yield e.disputeOpened(order.orderId, order.paymentId, dispute, order.products.filter(() => random.next() < 0.6).concat(order.products[0]));
      order.disputes.push(dispute);
    } else if (roll < 0.7 && order.disputes.length > 0) {
      const dispute = order.disputes.shift() as string;
      const outcome = random.pick(['refunded', 'rejected'] as const);
      yield e.disputeResolved(order.orderId, dispute, outcome);
      if (outcome === 'refunded' && left > 0) {
        const amount = random.int(1, left);
        order.refunded += amount;
        yield e.refunded(order.orderId, order.paymentId, amount, disputeRefundId(order.paymentId, dispute));
      }
    } else if (roll < 0.8) {
      yield e.windowClosed(order.orderId);
    } else {
      const seller = random.pick(SELLERS);
      const available = book.balances.get(balanceKey(seller, 'EUR'))?.available ?? 0;
      if (available <= 0) continue;
      const payout = nameBasedId(NS, `payout-${seed}-${step}`);
      const amount = random.int(1, available);
      yield e.payout('SellerPayoutScheduled', payout, seller, amount);
      yield e.payout(random.pick(['SellerPayoutPaid', 'SellerPayoutFailed'] as const), payout, seller, amount);
    }
  }
}

function checkInvariants(book: LedgerBook): void {
  const fromEntries = new Map<string, Record<string, number>>();
  for (const transaction of book.transactions) {
    expect(transaction.entries.reduce((sum, entry) => sum + entry.amount, 0)).toBe(0);
    for (const entry of transaction.entries) {
      if (entry.sellerId === null) continue;
      const balance = fromEntries.get(entry.sellerId) ?? { ...emptyBalance() };
      balance[entry.account] += entry.amount;
      fromEntries.set(entry.sellerId, balance);
    }
  }
  for (const seller of SELLERS) {
    const balance = book.balances.get(balanceKey(seller, 'EUR')) ?? emptyBalance();
    expect(balance).toEqual({ ...emptyBalance(), ...fromEntries.get(seller) });
    const lines = [...book.orders.values()].flatMap((order) => order.lines ?? []).filter((line) => line.sellerId === seller && line.location !== undefined);
    const netIn = (location: string) => lines.filter((line) => line.location === location).reduce((sum, line) => sum + lineNet(line), 0);
    expect(balance.pending).toBe(netIn('pending'));
    expect(balance.held).toBe(netIn('held'));
    // Payouts only move money the lines made available, so these three are what the available lines hold.
    expect(balance.available + balance.in_transit + balance.paid).toBe(netIn('available'));
    expect(SELLER_ACCOUNTS.reduce((sum, account) => sum + balance[account], 0)).toBe(lines.reduce((sum, line) => sum + lineNet(line), 0));
    for (const line of lines) {
      expect(line.refunded).toBeLessThanOrEqual(line.lineTotal);
      expect(line.commissionReversed).toBeLessThanOrEqual(line.commission);
      expect(lineNet(line)).toBeGreaterThanOrEqual(0);
    }
  }
}

describe('the ledger over random histories', () => {
  it.each(Array.from({ length: 200 }, (_, n) => n + 1))('keeps every invariant after each event (seed %i)', (seed) => {
    const book = emptyBook();
    let count = 0;
    for (const event of history(seed, book)) {
      applyToBook(book, event, nameBasedId(NS, `event-${seed}-${(count += 1)}`));
      checkInvariants(book);
    }
    expect(count).toBeGreaterThan(10);
  });
});
