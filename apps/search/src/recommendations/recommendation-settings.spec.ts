import { ConfigError, parseConfig } from '@marketplace/platform';
import { z } from 'zod';
import { recommendationConfigShape, recommendationSettings } from './recommendation-settings';

const settingsOf = (env: NodeJS.ProcessEnv) => recommendationSettings(parseConfig(z.object(recommendationConfigShape), env));

describe('recommendationSettings', () => {
  it('defaults to a support of 2 orders and a half-life of 7 days', () => {
    expect(settingsOf({})).toEqual({ minSupport: 2, halfLifeDays: 7 });
  });

  it('reads both variables, a fractional half-life too', () => {
    expect(settingsOf({ SEARCH_RECOMMENDATION_MIN_SUPPORT: '5', SEARCH_POPULARITY_HALF_LIFE_DAYS: '1.5' })).toEqual({ minSupport: 5, halfLifeDays: 1.5 });
  });

  it('refuses a support below 1 and a half-life that is not a positive number, naming the variable', () => {
    expect(() => settingsOf({ SEARCH_RECOMMENDATION_MIN_SUPPORT: '0' })).toThrow(/SEARCH_RECOMMENDATION_MIN_SUPPORT/);
    expect(() => settingsOf({ SEARCH_POPULARITY_HALF_LIFE_DAYS: 'week' })).toThrow(ConfigError);
  });
});
