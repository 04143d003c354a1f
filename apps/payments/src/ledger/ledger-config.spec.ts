import { ConfigError, parseConfig } from '@marketplace/platform';
import { paymentsConfigSchema } from '../payments-config';

const valid = { SERVICE_NAME: 'payments', PORT: '3004', DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db' };

describe('ledger and payouts configuration', () => {
  it('defaults to 10% commission, a daily payout pass and 1000 minor units at least', () => {
    expect(parseConfig(paymentsConfigSchema, valid)).toMatchObject({ COMMISSION_RATE: 1000, PAYOUT_INTERVAL_MS: 86_400_000, PAYOUT_MINIMUM: 1000 });
    expect(parseConfig(paymentsConfigSchema, { ...valid, COMMISSION_RATE: '0' }).COMMISSION_RATE).toBe(0);
  });

  it.each([
    ['COMMISSION_RATE', '10001'],
    ['COMMISSION_RATE', '-1'],
    ['COMMISSION_RATE', '2.5'],
    ['PAYOUT_INTERVAL_MS', '0'],
    ['PAYOUT_MINIMUM', 'lots'],
  ])('names %s when it is %s', (variable, value) => {
    expect(() => parseConfig(paymentsConfigSchema, { ...valid, [variable]: value })).toThrow(ConfigError);
    try {
      parseConfig(paymentsConfigSchema, { ...valid, [variable]: value });
    } catch (error) {
      expect((error as ConfigError).problems.map((problem) => problem.variable)).toEqual([variable]);
    }
  });
});
