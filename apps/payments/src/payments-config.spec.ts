import { ConfigError, parseConfig } from '@marketplace/platform';
import { paymentsConfigSchema } from './payments-config';

const valid = { SERVICE_NAME: 'payments', PORT: '3004', DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db' };

describe('payments configuration', () => {
  it('defaults to the simulated provider, no webhooks, and reconciling every 30 s what is 10 min old', () => {
    expect(parseConfig(paymentsConfigSchema, valid)).toMatchObject({ PAYMENT_RECONCILE_AFTER_MS: 600_000, PAYMENT_RECONCILE_INTERVAL_MS: 30_000 });
    expect(parseConfig(paymentsConfigSchema, valid).STRIPE_SECRET_KEY).toBeUndefined();
  });

  it('reads Stripe settings', () => {
    const config = parseConfig(paymentsConfigSchema, { ...valid, STRIPE_SECRET_KEY: 'sk_test_abc123', STRIPE_API_BASE: 'http://127.0.0.1:12111', STRIPE_WEBHOOK_SECRET: 'whsec_abc' });
    expect(config).toMatchObject({ STRIPE_SECRET_KEY: 'sk_test_abc123', STRIPE_API_BASE: 'http://127.0.0.1:12111', STRIPE_WEBHOOK_SECRET: 'whsec_abc' });
  });

  it.each([
    ['STRIPE_SECRET_KEY', 'pk_test_publishable'],
    ['STRIPE_API_BASE', 'not a url'],
    ['STRIPE_API_BASE', 'ftp://stripe.example'],
    ['STRIPE_WEBHOOK_SECRET', 'secret'],
    ['PAYMENT_RECONCILE_AFTER_MS', '0'],
    ['PAYMENT_RECONCILE_INTERVAL_MS', 'soon'],
  ])('names %s when it is %s', (variable, value) => {
    try {
      parseConfig(paymentsConfigSchema, { ...valid, [variable]: value });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((problem) => problem.variable)).toEqual([variable]);
    }
  });
});
