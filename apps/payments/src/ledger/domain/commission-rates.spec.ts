import { commissionRates } from './commission-rates';

describe('commission rates', () => {
  it("takes the product's category rate when configured, else the default", () => {
    const rateOf = commissionRates(1000, { c1: 500, c0: 0 }, new Map([['p1', 'c1'], ['p2', 'c2'], ['p3', 'c0']]));
    expect(['p1', 'p2', 'p3', 'unknown'].map(rateOf)).toEqual([500, 1000, 0, 1000]);
  });
});
