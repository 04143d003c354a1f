import { parseConfig } from '@marketplace/platform';
import { ordersConfigSchema } from './orders-config';

const base = { SERVICE_NAME: 'orders', PORT: '3003', DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db' };

describe('orders configuration', () => {
  it('defaults to a 15 minute payment timeout, free shipping and no tax', () => {
    const config = parseConfig(ordersConfigSchema, base);
    expect(config.CHECKOUT_PAYMENT_TIMEOUT_MS).toBe(900_000);
    expect(config.ORDER_PRICING).toEqual({ byCountry: {}, otherwise: { shipping: {}, taxBasisPoints: 0 } });
  });

  it('reads rates by country from ORDER_PRICING, * for every other country', () => {
    const pricing = { GB: { shipping: { GBP: 399 }, taxBasisPoints: 2000 }, '*': { shipping: { EUR: 999 } } };
    expect(parseConfig(ordersConfigSchema, { ...base, ORDER_PRICING: JSON.stringify(pricing) }).ORDER_PRICING).toEqual({
      byCountry: { GB: { shipping: { GBP: 399 }, taxBasisPoints: 2000 } },
      otherwise: { shipping: { EUR: 999 }, taxBasisPoints: 0 },
    });
  });

  it.each([
    ['not JSON', '{GB:'],
    ['a lower-case country', '{"gb":{"taxBasisPoints":2000}}'],
    ['a rate above 100%', '{"GB":{"taxBasisPoints":10001}}'],
    ['a fractional shipping amount', '{"GB":{"shipping":{"GBP":3.99}}}'],
    ['an unknown field', '{"GB":{"vat":20}}'],
  ])('refuses ORDER_PRICING that is %s, naming the variable', (_case, value) => {
    expect(() => parseConfig(ordersConfigSchema, { ...base, ORDER_PRICING: value })).toThrow(/ORDER_PRICING/);
  });
});
