import { dataServiceConfigSchema, optional, urlVar } from '@marketplace/platform';
import { z } from 'zod';

/** The catalog verifies access tokens itself, against identity's key set. */
export const catalogConfigSchema = dataServiceConfigSchema.extend({
  IDENTITY_URL: urlVar.default('http://127.0.0.1:3001'),
  /** Defaults to `${IDENTITY_URL}/auth/jwks.json`. */
  JWKS_URL: optional(urlVar),
  JWT_ISSUER: z.string().min(1).default('marketplace-identity'),
  JWT_AUDIENCE: z.string().min(1).default('marketplace-api'),
});

export type CatalogConfig = z.output<typeof catalogConfigSchema>;

export function jwksUrlOf(config: CatalogConfig): string {
  return config.JWKS_URL ?? new URL('/auth/jwks.json', config.IDENTITY_URL).toString();
}
