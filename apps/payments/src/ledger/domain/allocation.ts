/*
 * Integer arithmetic on minor units, in BigInt where a product could pass 2^53, so no share is off by
 * a float's rounding.
 */

/**
 * Splits `amount` over `weights` in proportion, in whole minor units, by largest remainder: each share
 * is rounded down, then the units left go one each to the largest remainders (the first of equal ones
 * first). The shares sum to `amount` exactly, and none exceeds its weight while amount <= their sum.
 */
export function allocate(amount: number, weights: readonly number[]): number[] {
  const total = BigInt(weights.reduce((sum, weight) => sum + weight, 0));
  if (total === 0n) return weights.map(() => 0);
  const parts = weights.map((weight, index) => ({ index, product: BigInt(amount) * BigInt(weight) }));
  const shares = parts.map(({ product }) => Number(product / total));
  let left = amount - shares.reduce((sum, share) => sum + share, 0);
  const byRemainder = [...parts].sort((a, b) => Number((b.product % total) - (a.product % total)) || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    shares[index] += 1;
    left -= 1;
  }
  return shares;
}

/** value x numerator / denominator rounded half up to a whole minor unit (never negative inputs). */
export function roundHalfUp(value: number, numerator: number, denominator: number): number {
  return Number((BigInt(value) * BigInt(numerator) * 2n + BigInt(denominator)) / (BigInt(denominator) * 2n));
}

/** The commission on a line: its total at `rateBps` basis points, rounded half up per line. */
export function commissionOn(lineTotal: number, rateBps: number): number {
  return roundHalfUp(lineTotal, rateBps, 10_000);
}
