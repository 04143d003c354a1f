import { coPurchasePairs, basketOf } from './basket';
import { evolveOrder, type OrderFact, type OrderChange, type TrackedOrder } from './tracked-order';

const orderId = 'e0000000-0000-4000-8000-000000000001';
const placed: OrderFact = { type: 'placed', orderId, products: ['a', 'b'] };
const confirmed: OrderFact = { type: 'confirmed', orderId, confirmedAt: '2026-03-04T23:59:59.000Z' };
const cancelled: OrderFact = { type: 'cancelled', orderId };

/** Folds the given facts, then answers what the last one changed. */
const given = (...facts: OrderFact[]) => ({
  when: (fact: OrderFact): OrderChange => evolveOrder(facts.reduce<TrackedOrder | undefined>((order, f) => evolveOrder(order, f).order, undefined), fact),
});

describe('evolveOrder', () => {
  it('tracks a placed order without counting it', () => {
    expect(given().when(placed)).toEqual({ order: { orderId, products: ['a', 'b'], status: 'placed', confirmedDay: null }, counts: undefined });
  });

  it('counts a placed order once confirmed, on the UTC day of the confirmation', () => {
    const change = given(placed).when(confirmed);
    expect(change.order).toEqual({ orderId, products: ['a', 'b'], status: 'confirmed', confirmedDay: '2026-03-04' });
    expect(change.counts).toEqual({ sign: 1, order: change.order });
  });

  it('ignores a confirmation of an order never seen placed, and a second confirmation', () => {
    expect(given().when(confirmed)).toEqual({ order: undefined, counts: undefined });
    expect(given(placed, confirmed).when(confirmed).counts).toBeUndefined();
  });

  it('forgets a cancelled order; a confirmed one has its purchases withdrawn', () => {
    expect(given(placed).when(cancelled)).toEqual({ order: undefined, counts: undefined });
    expect(given(placed, confirmed).when(cancelled)).toEqual({ order: undefined, counts: { sign: -1, order: expect.objectContaining({ products: ['a', 'b'] }) } });
  });

  it('does not count a confirmation that comes after the cancellation', () => {
    expect(given(placed, cancelled).when(confirmed).counts).toBeUndefined();
  });

  it('keeps the first placement when the same order is placed again', () => {
    expect(given(placed).when({ type: 'placed', orderId, products: ['c'] }).order?.products).toEqual(['a', 'b']);
  });
});

describe('basketOf and coPurchasePairs', () => {
  it('counts a product on two lines once, and pairs every two distinct products both ways', () => {
    const basket = basketOf([{ productId: 'b' }, { productId: 'a' }, { productId: 'b' }]);
    expect(basket).toEqual(['a', 'b']);
    expect(coPurchasePairs(basket)).toEqual([['a', 'b'], ['b', 'a']]);
  });

  it('gives no pair for a single product', () => {
    expect(coPurchasePairs(basketOf([{ productId: 'a' }, { productId: 'a' }]))).toEqual([]);
  });
});
