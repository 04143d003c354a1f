import { positiveIntVar } from '@marketplace/platform';
import { z } from 'zod';

/** The recommendations' variables, part of search's configuration (search-config.ts). */
export const recommendationConfigShape = {
  /** bought_together: how many confirmed orders a pair needs before it is recommended. */
  SEARCH_RECOMMENDATION_MIN_SUPPORT: positiveIntVar.default(2),
  /** popular: after how many days a confirmed order counts half. */
  SEARCH_POPULARITY_HALF_LIFE_DAYS: z.coerce.number({ error: 'must be a number' }).positive({ error: 'must be positive' }).max(3650).default(7),
};

export type RecommendationConfig = z.output<z.ZodObject<typeof recommendationConfigShape>>;

export interface RecommendationSettings {
  minSupport: number;
  halfLifeDays: number;
}

export const RECOMMENDATION_SETTINGS = Symbol('RECOMMENDATION_SETTINGS');

export function recommendationSettings(config: RecommendationConfig): RecommendationSettings {
  return { minSupport: config.SEARCH_RECOMMENDATION_MIN_SUPPORT, halfLifeDays: config.SEARCH_POPULARITY_HALF_LIFE_DAYS };
}
