import { currencyCode } from '@marketplace/contracts';
import { jsonVar } from '@marketplace/platform';
import { z } from 'zod';
import type { CountryRate, PricingRules } from '../domain/pricing';

const countryRate = z.strictObject({
  shipping: z.record(currencyCode, z.int().nonnegative().max(100_000_000)).default({}),
  taxBasisPoints: z.int().min(0).max(10_000).default(0),
});

/**
 * ORDER_PRICING: JSON of rates by ISO country code, `*` for every other country, e.g.
 * `{"GB":{"shipping":{"GBP":399,"EUR":499},"taxBasisPoints":2000},"*":{"shipping":{"EUR":999}}}`:
 * shipping per order in minor units of the order currency (a currency not listed ships free), tax in
 * basis points (2000 = 20%) on subtotal + shipping.
 */
export const pricingRulesVar = jsonVar(z.record(z.string().regex(/^([A-Z]{2}|\*)$/, 'keys must be ISO 3166-1 alpha-2 country codes or *'), countryRate), 'JSON of rates by country')
  .transform((rates): PricingRules => {
    const { '*': otherwise, ...byCountry } = rates as Record<string, CountryRate>;
    return { byCountry, otherwise: otherwise ?? { shipping: {}, taxBasisPoints: 0 } };
  });
