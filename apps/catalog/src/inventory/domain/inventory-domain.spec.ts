import { OnHandBelowReservedError } from './inventory-errors';
import { mergeRequests, planReservation } from './reservation-plan';
import { type Reservation, settleReservation, StockInvariantError } from './reservation';
import { available, setOnHand, type StockLevel } from './stock-level';
import { assertMayManageStock, assertMaySetStock } from './stock-owner';
import { NotProductOwnerError } from '../../domain/errors';

const [A, B, C] = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b', '00000000-0000-4000-8000-00000000000c'];
const SELLER = '00000000-0000-4000-8000-0000000000ff';
const ORDER = '00000000-0000-4000-8000-000000000001';
const level = (productId: string, onHand: number, reserved = 0): StockLevel => ({ productId, sellerId: SELLER, onHand, reserved });

describe('stock level', () => {
  it('has on hand minus reserved available', () => {
    expect(available(level(A, 10, 3))).toBe(7);
    expect(available(level(A, 3, 3))).toBe(0);
  });

  it('takes a new on-hand quantity down to what is reserved, not below', () => {
    expect(setOnHand(level(A, 10, 4), 4)).toEqual(level(A, 4, 4));
    expect(setOnHand(level(A, 10, 4), 25)).toEqual(level(A, 25, 4));
    expect(() => setOnHand(level(A, 10, 4), 3)).toThrow(OnHandBelowReservedError);
  });
});

describe('who sets stock', () => {
  it('is the product seller or an admin', () => {
    expect(() => assertMaySetStock({ id: SELLER, roles: ['buyer', 'seller'] }, SELLER)).not.toThrow();
    expect(() => assertMaySetStock({ id: A, roles: ['admin'] }, SELLER)).not.toThrow();
    expect(() => assertMaySetStock({ id: A, roles: ['seller'] }, SELLER)).toThrow(NotProductOwnerError);
    // The seller's own id without the seller role (not approved, or revoked) is not enough.
    expect(() => assertMaySetStock({ id: SELLER, roles: ['buyer'] }, SELLER)).toThrow(NotProductOwnerError);
  });

  it('is never a buyer', () => {
    expect(() => assertMayManageStock({ id: A, roles: ['buyer'] })).toThrow(NotProductOwnerError);
    expect(() => assertMayManageStock({ id: A, roles: ['seller'] })).not.toThrow();
  });
});

describe('reservation plan', () => {
  it('sums the lines of one product and sorts them by product id', () => {
    expect(mergeRequests([{ productId: C, quantity: 1 }, { productId: A, quantity: 2 }, { productId: C, quantity: 3 }])).toEqual([
      { productId: A, quantity: 2 },
      { productId: C, quantity: 4 },
    ]);
  });

  it('reserves every line when each product has enough, reporting availability afterwards', () => {
    const plan = planReservation([{ productId: B, quantity: 2 }, { productId: A, quantity: 5 }], [level(A, 5), level(B, 10, 7)]);
    expect(plan).toEqual({
      outcome: 'reserved',
      levels: [level(A, 5, 5), level(B, 10, 9)],
      lines: [
        { productId: A, quantity: 5, available: 0 },
        { productId: B, quantity: 2, available: 1 },
      ],
    });
  });

  it('reserves nothing when one line is short, and lists every short line', () => {
    const plan = planReservation(
      [{ productId: A, quantity: 1 }, { productId: B, quantity: 4 }, { productId: C, quantity: 1 }],
      [level(A, 5), level(B, 10, 7)],
    );
    expect(plan).toEqual({
      outcome: 'failed',
      shortages: [
        { productId: B, requested: 4, available: 3 },
        { productId: C, requested: 1, available: 0 },
      ],
    });
  });

  it('counts repeated lines of one product together against its availability', () => {
    expect(planReservation([{ productId: A, quantity: 3 }, { productId: A, quantity: 3 }], [level(A, 5)])).toEqual({
      outcome: 'failed',
      shortages: [{ productId: A, requested: 6, available: 5 }],
    });
  });
});

describe('settling a reservation', () => {
  const reserved: Reservation = { orderId: ORDER, status: 'reserved', lines: [{ productId: A, quantity: 2 }, { productId: B, quantity: 1 }] };
  const levels = [level(A, 5, 3), level(B, 1, 1)];

  it('release gives the reserved quantities back', () => {
    expect(settleReservation('release', reserved, levels)).toEqual({
      outcome: 'applied',
      status: 'released',
      levels: [level(A, 5, 1), level(B, 1, 0)],
      lines: [
        { productId: A, quantity: 2, available: 4 },
        { productId: B, quantity: 1, available: 1 },
      ],
    });
  });

  it('commit takes them out of the stock on hand', () => {
    expect(settleReservation('commit', reserved, levels)).toMatchObject({
      outcome: 'applied',
      status: 'committed',
      levels: [level(A, 3, 1), level(B, 0, 0)],
    });
  });

  it('release of a committed reservation (a confirmed order cancelled before shipping) puts it back on hand', () => {
    expect(settleReservation('release', { ...reserved, status: 'committed' }, [level(A, 3, 1), level(B, 0, 0)])).toEqual({
      outcome: 'applied',
      status: 'released',
      levels: [level(A, 5, 1), level(B, 1, 0)],
      lines: [
        { productId: A, quantity: 2, available: 4 },
        { productId: B, quantity: 1, available: 1 },
      ],
    });
  });

  it.each(['released', 'committed', 'failed'] as const)('commit ignores a reservation that is %s, and an unknown order', (status) => {
    expect(settleReservation('commit', { ...reserved, status }, levels)).toEqual({ outcome: 'ignored', reason: `the reservation is already ${status}` });
    expect(settleReservation('commit', undefined, levels)).toEqual({ outcome: 'ignored', reason: 'no reservation for this order' });
  });

  it.each(['released', 'failed'] as const)('release ignores a reservation that is %s, and an unknown order', (status) => {
    expect(settleReservation('release', { ...reserved, status }, levels)).toEqual({ outcome: 'ignored', reason: `the reservation is already ${status}` });
    expect(settleReservation('commit', undefined, levels)).toEqual({ outcome: 'ignored', reason: 'no reservation for this order' });
  });

  it('refuses to take back more than a product holds', () => {
    expect(() => settleReservation('release', reserved, [level(A, 5, 1), level(B, 1, 1)])).toThrow(StockInvariantError);
  });
});
