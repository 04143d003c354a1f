import { optional, PLATFORM_CONFIG, SERVICE_PORTS, urlVar } from '@marketplace/platform';
import { z } from 'zod';
import type { AuthModuleAsyncOptions } from './auth-options';

/** The variables a service needs to verify access tokens itself; extend a service's config schema with it. */
export const serviceTokenConfigShape = {
  IDENTITY_URL: urlVar.default(`http://127.0.0.1:${SERVICE_PORTS.identity}`),
  /** Defaults to `${IDENTITY_URL}/auth/jwks.json`. */
  JWKS_URL: optional(urlVar),
  JWT_ISSUER: z.string().min(1).default('marketplace-identity'),
  JWT_AUDIENCE: z.string().min(1).default('marketplace-api'),
};

export interface ServiceTokenConfig {
  IDENTITY_URL: string;
  JWKS_URL?: string;
  JWT_ISSUER: string;
  JWT_AUDIENCE: string;
}

export function jwksUrlOf(config: ServiceTokenConfig): string {
  return config.JWKS_URL ?? new URL('/auth/jwks.json', config.IDENTITY_URL).toString();
}

/** AuthModule options read from the service's platform config (see serviceTokenConfigShape). */
export const serviceAuthOptions: AuthModuleAsyncOptions = {
  inject: [PLATFORM_CONFIG],
  useFactory: (config: ServiceTokenConfig) => ({ jwksUrl: jwksUrlOf(config), issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE }),
};
