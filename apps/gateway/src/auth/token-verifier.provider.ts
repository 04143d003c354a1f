import type { Provider } from '@nestjs/common';
import { JwksTokenVerifier } from '@marketplace/auth';
import { PLATFORM_CONFIG } from '@marketplace/platform';
import { serviceBaseUrl, type GatewayConfig } from '../gateway-config';
import { CachedTokenVerifier } from './cached-token-verifier';
import { TOKEN_VERIFIER } from './token-verifier';

/** Tokens are checked against identity's public keys, fetched from identity itself; those that verify are remembered until they expire. */
export const tokenVerifierProvider: Provider = {
  provide: TOKEN_VERIFIER,
  inject: [PLATFORM_CONFIG],
  useFactory: (config: GatewayConfig) =>
    new CachedTokenVerifier(
      new JwksTokenVerifier({
        jwksUrl: new URL('/auth/jwks.json', serviceBaseUrl(config, 'identity')).toString(),
        issuer: config.JWT_ISSUER,
        audience: config.JWT_AUDIENCE,
        unknownKeyCooldownMs: config.JWKS_REFETCH_COOLDOWN_MS,
      }),
      { maxEntries: config.TOKEN_CACHE_MAX_ENTRIES, ttlMs: config.TOKEN_CACHE_TTL_MS },
    ),
};
