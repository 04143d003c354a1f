import { parseConfig, positiveIntVar } from '@marketplace/platform';
import { z } from 'zod';

/** The recommendations' own variables, read from the environment beside search's configuration. */
export const recommendationSettingsSchema = z.object({
  /** bought_together: how many confirmed orders a pair needs before it is recommended. */
  SEARCH_RECOMMENDATION_MIN_SUPPORT: positiveIntVar.default(2),
  /** popular: after how many days a confirmed order counts half. */
  SEARCH_POPULARITY_HALF_LIFE_DAYS: z.coerce.number({ error: 'must be a number' }).positive({ error: 'must be positive' }).max(3650).default(7),
});

export interface RecommendationSettings {
  minSupport: number;
  halfLifeDays: number;
}

export const RECOMMENDATION_SETTINGS = Symbol('RECOMMENDATION_SETTINGS');

/** Throws a ConfigError naming a bad variable, so a misconfigured service does not start. */
export function recommendationSettings(env: NodeJS.ProcessEnv = process.env): RecommendationSettings {
  const parsed = parseConfig(recommendationSettingsSchema, env);
  return { minSupport: parsed.SEARCH_RECOMMENDATION_MIN_SUPPORT, halfLifeDays: parsed.SEARCH_POPULARITY_HALF_LIFE_DAYS };
}
