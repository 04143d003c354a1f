import Stripe from 'stripe';

/**
 * The Stripe SDK with our key, pointed at `apiBase` when given (its host, port and protocol; e.g.
 * stripe-mock at http://127.0.0.1:12111). The SDK retries network failures itself, with our keys.
 */
export function createStripeClient(secretKey: string, apiBase?: string): Stripe {
  const target = apiBase === undefined ? undefined : new URL(apiBase);
  return new Stripe(secretKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    ...(target && {
      host: target.hostname,
      port: target.port || (target.protocol === 'https:' ? 443 : 80),
      protocol: target.protocol === 'https:' ? 'https' : 'http',
    }),
  });
}
