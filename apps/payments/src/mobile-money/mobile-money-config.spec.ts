import { parseConfig } from '@marketplace/platform';
import { paymentsConfigSchema } from '../payments-config';
import { darajaSettings, paynowSettings } from './infrastructure/adapters/adapter-settings';

const base = { SERVICE_NAME: 'payments', PORT: '3004', DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db' };
const daraja = {
  MPESA_CONSUMER_KEY: 'key',
  MPESA_CONSUMER_SECRET: 'secret',
  MPESA_SHORTCODE: '174379',
  MPESA_PASSKEY: 'passkey',
  MPESA_CALLBACK_BASE_URL: 'https://market.example/api/v1/',
  MPESA_CALLBACK_TOKEN: 'a-long-random-token',
};

describe('mobile money configuration', () => {
  it('runs the simulated network with nothing set, querying a push after a minute and expiring it after five', () => {
    const config = parseConfig(paymentsConfigSchema, base);
    expect(darajaSettings(config)).toBeUndefined();
    expect(config).toMatchObject({ MOBILE_MONEY_QUERY_AFTER_MS: 60_000, MOBILE_MONEY_EXPIRE_AFTER_MS: 300_000 });
  });

  it('builds PayNow\'s result URL from its base', () => {
    const paynow = { PAYNOW_INTEGRATION_ID: '12345', PAYNOW_INTEGRATION_KEY: 'key', PAYNOW_RESULT_BASE_URL: 'https://market.example/api/v1', PAYNOW_AUTH_EMAIL: 'shop@tese.example' };
    expect(paynowSettings(parseConfig(paymentsConfigSchema, { ...base, ...paynow }))).toMatchObject({ apiBase: 'https://www.paynow.co.zw', resultUrl: 'https://market.example/api/v1/webhooks/paynow' });
  });

  it('builds the callback URL from the base and the secret token', () => {
    expect(darajaSettings(parseConfig(paymentsConfigSchema, { ...base, ...daraja }))).toMatchObject({
      apiBase: 'https://sandbox.safaricom.co.ke',
      callbackUrl: 'https://market.example/api/v1/webhooks/mpesa/a-long-random-token',
    });
  });

  it('stops at start on half a configuration, naming what is missing', () => {
    const { MPESA_PASSKEY: _missing, ...partial } = daraja;
    expect(() => darajaSettings(parseConfig(paymentsConfigSchema, { ...base, ...partial }))).toThrow(/MPESA_PASSKEY is required/);
    expect(() => paynowSettings(parseConfig(paymentsConfigSchema, { ...base, PAYNOW_INTEGRATION_ID: '12345' }))).toThrow(/PAYNOW_INTEGRATION_KEY is required/);
  });

  it('refuses a token that is short or not URL-safe, and an allow-list that is not addresses', () => {
    expect(() => parseConfig(paymentsConfigSchema, { ...base, MPESA_CALLBACK_TOKEN: 'short' })).toThrow(/MPESA_CALLBACK_TOKEN/);
    expect(() => parseConfig(paymentsConfigSchema, { ...base, MPESA_CALLBACK_TOKEN: 'has spaces in it' })).toThrow(/MPESA_CALLBACK_TOKEN/);
    expect(() => parseConfig(paymentsConfigSchema, { ...base, MPESA_CALLBACK_ALLOWED_IPS: '196.201.214.200,not-an-ip' })).toThrow(/MPESA_CALLBACK_ALLOWED_IPS/);
    expect(parseConfig(paymentsConfigSchema, { ...base, MPESA_CALLBACK_ALLOWED_IPS: '196.201.214.200, 196.201.214.206' }).MPESA_CALLBACK_ALLOWED_IPS).toEqual(['196.201.214.200', '196.201.214.206']);
  });
});
