import { allocate, commissionOn, roundHalfUp } from './allocation';

describe('allocation', () => {
  it('splits by largest remainder, the first of equal remainders first, summing exactly', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(10, [3000, 2000, 500])).toEqual([5, 4, 1]);
    expect(allocate(0, [5, 5])).toEqual([0, 0]);
    expect(allocate(7, [0, 0])).toEqual([0, 0]);
  });

  it('never gives a weight more than itself while the amount fits', () => {
    expect(allocate(5, [1, 1, 3])).toEqual([1, 1, 3]);
  });

  it('is exact beyond 2^53 products', () => {
    expect(allocate(9_007_199_254_740_991, [1, 1])).toEqual([4_503_599_627_370_496, 4_503_599_627_370_495]);
  });

  it('rounds commission half up per line', () => {
    expect(commissionOn(1234, 1000)).toBe(123);
    expect(commissionOn(1235, 1000)).toBe(124);
    expect(commissionOn(5, 1000)).toBe(1);
    expect(commissionOn(4, 1000)).toBe(0);
    expect(roundHalfUp(123, 617, 1234)).toBe(62);
  });
});
