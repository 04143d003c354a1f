import { dayWeights, decayWeight, HORIZON_HALF_LIVES } from './popularity';

describe('decayWeight', () => {
  it('halves every half-life', () => {
    const day = 86_400_000;
    expect(decayWeight(0, 7)).toBe(1);
    expect(decayWeight(7 * day, 7)).toBeCloseTo(0.5, 12);
    expect(decayWeight(21 * day, 7)).toBeCloseTo(0.125, 12);
    expect(decayWeight(3 * day, 3)).toBeCloseTo(decayWeight(7 * day, 7), 12);
  });

  it('never weighs more than 1 (a time ahead of now counts as now)', () => {
    expect(decayWeight(-5_000, 7)).toBe(1);
  });
});

describe('dayWeights', () => {
  it('weighs each UTC day from the start of that day, today first, back to the horizon', () => {
    const now = new Date('2026-03-10T12:00:00.000Z');
    const weights = dayWeights(now, 7);
    expect(weights).toHaveLength(7 * HORIZON_HALF_LIVES + 1);
    expect(weights[0]).toEqual({ day: '2026-03-10', weight: 0.5 ** (0.5 / 7) });
    expect(weights[1]).toEqual({ day: '2026-03-09', weight: 0.5 ** (1.5 / 7) });
    expect(weights.at(-1)?.day).toBe('2025-12-30');
    expect(weights.at(-1)?.weight).toBeGreaterThanOrEqual(2 ** -HORIZON_HALF_LIVES * 0.9);
  });

  it('covers a fractional half-life in whole days', () => {
    expect(dayWeights(new Date('2026-03-10T00:00:00.000Z'), 0.5)).toHaveLength(6);
  });
});
