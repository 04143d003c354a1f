/** Fixed price bands for the price facet, in minor units; `max` is exclusive, absent on the last band. */
export interface PriceBand {
  key: string;
  min: number;
  max?: number;
}

export const PRICE_BANDS: readonly PriceBand[] = [
  { key: '0-10', min: 0, max: 1_000 },
  { key: '10-25', min: 1_000, max: 2_500 },
  { key: '25-50', min: 2_500, max: 5_000 },
  { key: '50-100', min: 5_000, max: 10_000 },
  { key: '100-250', min: 10_000, max: 25_000 },
  { key: '250+', min: 25_000 },
];
