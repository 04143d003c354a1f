import { labelStride, linearScale, niceTicks } from './scale';

describe('chart scales', () => {
  it('ticks are round steps from 0 that reach the maximum', () => {
    expect(niceTicks(100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(0.3)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(123456)).toEqual([0, 50000, 100000, 150000]);
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(1, 5, 1)).toEqual([0, 1]);
    expect(niceTicks(3, 5, 1)).toEqual([0, 1, 2, 3]);
  });

  it('a scale maps 0 and the maximum to the ends of its range, upwards or downwards', () => {
    const y = linearScale(50, 200, 0);
    expect([y(0), y(25), y(50)]).toEqual([200, 100, 0]);
    expect(linearScale(0, 10, 20)(0)).toBe(10);
  });

  it('labels are thinned to at most the number that fits', () => {
    expect(labelStride(30, 8)).toBe(4);
    expect(labelStride(5, 8)).toBe(1);
  });
});
