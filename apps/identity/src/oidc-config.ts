import { jsonVar } from '@marketplace/platform';
import { z } from 'zod';

/** One OpenID Connect issuer we accept sign-ins from; its endpoints and keys come from discovery. */
const oidcProvider = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, { error: 'must be 1 to 32 lowercase letters, digits or dashes' }),
  name: z.string().trim().min(1).max(64).optional(),
  // http only for a provider on this machine (development and tests): tokens must not cross a network in clear.
  issuer: z.url({ protocol: /^https?$/ }).refine((issuer) => issuer.startsWith('https:') || ['localhost', '127.0.0.1', '[::1]'].includes(new URL(issuer).hostname), {
    error: 'must be https (http only on localhost)',
  }),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
});

export type OidcProviderConfig = z.output<typeof oidcProvider> & { name: string };

/** `OIDC_PROVIDERS`: a JSON array of providers with distinct ids; the display name defaults to the id. */
export const oidcProvidersVar = jsonVar(
  z
    .array(oidcProvider)
    .refine((providers) => new Set(providers.map((provider) => provider.id)).size === providers.length, { error: 'provider ids must be distinct' })
    .transform((providers): OidcProviderConfig[] => providers.map((provider) => ({ ...provider, name: provider.name ?? provider.id }))),
  'a JSON array of {id, name?, issuer, clientId, clientSecret}',
);

/** `OIDC_REDIRECT_URIS`: comma-separated absolute URLs, the only ones a sign-in may return to. */
export const redirectUrisVar = z
  .string()
  .transform((value) => value.split(',').map((uri) => uri.trim()).filter(Boolean))
  .pipe(z.array(z.url({ protocol: /^https?$/, error: 'must be a comma-separated list of http(s) URLs' })));
