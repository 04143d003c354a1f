import { ConfigError, parseConfig } from '@marketplace/platform';
import { paymentsConfigSchema } from '../payments-config';

const valid = { SERVICE_NAME: 'payments', PORT: '3004', DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db' };

describe('ledger and payouts configuration', () => {
  it('defaults to 10% commission, a daily payout pass and 1000 minor units at least', () => {
    expect(parseConfig(paymentsConfigSchema, valid)).toMatchObject({ COMMISSION_RATE: 1000, PAYOUT_INTERVAL_MS: 86_400_000, PAYOUT_MINIMUM: 1000 });
    expect(parseConfig(paymentsConfigSchema, { ...valid, COMMISSION_RATE: '0' }).COMMISSION_RATE).toBe(0);
    expect(parseConfig(paymentsConfigSchema, valid).COMMISSION_CATEGORY_RATES).toEqual({});
    const category = '6f1c2e0a-4a55-4a63-9d55-0a1b2c3d4e5f';
    expect(parseConfig(paymentsConfigSchema, { ...valid, COMMISSION_CATEGORY_RATES: `{"${category}": 500}` }).COMMISSION_CATEGORY_RATES).toEqual({ [category]: 500 });
  });

  it.each([
    ['COMMISSION_RATE', '10001'],
    ['COMMISSION_RATE', '-1'],
    ['COMMISSION_RATE', '2.5'],
    ['COMMISSION_CATEGORY_RATES', '{"not-a-uuid": 500}'],
    ['COMMISSION_CATEGORY_RATES', '{"6f1c2e0a-4a55-4a63-9d55-0a1b2c3d4e5f": 20000}'],
    ['COMMISSION_CATEGORY_RATES', 'ten percent'],
    ['PAYOUT_INTERVAL_MS', '0'],
    ['PAYOUT_MINIMUM', 'lots'],
  ])('names %s when it is %s', (variable, value) => {
    expect(() => parseConfig(paymentsConfigSchema, { ...valid, [variable]: value })).toThrow(ConfigError);
    try {
      parseConfig(paymentsConfigSchema, { ...valid, [variable]: value });
    } catch (error) {
      // A JSON variable's problem names the key inside it too.
      expect((error as ConfigError).problems.map((problem) => problem.variable.split('.')[0])).toEqual([variable]);
    }
  });
});
