import { deliverySealConfigShape, deliverySealKeyVar } from '@marketplace/auth';
import { booleanVar, dataServiceConfigSchema, jsonVar, optional, positiveIntVar } from '@marketplace/platform';
import { z } from 'zod';
import { oidcProvidersVar, redirectUrisVar } from './oidc-config';

/** Comma-separated IPs of proxies (the gateway) whose `x-forwarded-for` is believed. */
const ipListVar = z
  .string()
  .transform((value) => value.split(',').map((ip) => ip.trim()).filter(Boolean))
  .pipe(z.array(z.union([z.ipv4(), z.ipv6()], { error: 'must be a comma-separated list of IP addresses' })));

/** JSON array of private Ed25519 JWKs with `kid`; the first signs, the others stay in the JWKS during rotation. */
const privateJwksVar = jsonVar(
  z
    .array(z.object({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), kid: z.string().min(1), x: z.string().min(1), d: z.string().min(1) }), {
      error: 'must be a JSON array of private Ed25519 JWKs (kty OKP, crv Ed25519, kid, x, d)',
    })
    .min(1)
    .max(2, { error: 'holds at most two keys (the signing key and the previous one)' }),
  'a JSON array of private JWKs',
);

export const identityConfigSchema = dataServiceConfigSchema
  .extend({
    JWT_ISSUER: z.string().min(1).default('marketplace-identity'),
    JWT_AUDIENCE: z.string().min(1).default('marketplace-api'),
    JWT_PRIVATE_KEYS: optional(privateJwksVar),
    ...deliverySealConfigShape,
    ADMIN_EMAIL: optional(z.email({ error: 'must be an email address' })),
    ADMIN_PASSWORD: optional(z.string().min(1)),
    TRUSTED_PROXIES: ipListVar.default(['127.0.0.1', '::1', '::ffff:127.0.0.1']),
    PUBLIC_APP_URL: z.url().default('http://localhost:3000'),
    LOGIN_MAX_FAILURES_PER_ACCOUNT: positiveIntVar.default(5),
    LOGIN_MAX_FAILURES_PER_IP: positiveIntVar.default(20),
    LOGIN_FAILURE_WINDOW_SECONDS: positiveIntVar.default(15 * 60),
    ARGON2_MEMORY_KIB: positiveIntVar.default(19456),
    ARGON2_TIME_COST: positiveIntVar.default(2),
    // TOTP secrets are sealed at rest with this AES-256 key (base64 of 32 bytes), which only identity holds.
    MFA_ENCRYPTION_KEY: optional(deliverySealKeyVar),
    /** Keys MFA_ENCRYPTION_KEY replaced, comma-separated: secrets sealed under them still open, and are sealed again under the current key at their next use. */
    MFA_PREVIOUS_ENCRYPTION_KEYS: z
      .string()
      .optional()
      .transform((value) => (value ?? '').split(',').map((key) => key.trim()).filter(Boolean))
      .pipe(z.array(deliverySealKeyVar).max(4, { error: 'holds at most four previous keys' })),
    /** The name authenticator apps show next to the account. */
    MFA_ISSUER: z.string().trim().min(1).max(64).default('Marketplace'),
    ADMIN_MFA_REQUIRED: booleanVar.default(false),
    OIDC_PROVIDERS: optional(oidcProvidersVar).transform((providers) => providers ?? []),
    OIDC_REDIRECT_URIS: optional(redirectUrisVar).transform((uris) => uris ?? []),
  })
  .refine((config) => (config.ADMIN_EMAIL === undefined) === (config.ADMIN_PASSWORD === undefined), {
    error: 'ADMIN_EMAIL and ADMIN_PASSWORD are set together',
    path: ['ADMIN_PASSWORD'],
  })
  .refine((config) => config.NODE_ENV !== 'production' || [config.JWT_PRIVATE_KEYS, config.DELIVERY_SEAL_KEY, config.MFA_ENCRYPTION_KEY].every((key) => key !== undefined), {
    error: 'JWT_PRIVATE_KEYS, DELIVERY_SEAL_KEY and MFA_ENCRYPTION_KEY are required in production (generated keys are for development)',
    path: ['JWT_PRIVATE_KEYS'],
  });

export type IdentityConfig = z.output<typeof identityConfigSchema>;
