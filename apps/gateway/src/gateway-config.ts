import { BACKEND_SERVICES, baseConfigSchema, optional, positiveIntVar, serviceUrlsShape, serviceUrlVariable, type ServiceName } from '@marketplace/platform';
import { z } from 'zod';

export type BackendService = Exclude<ServiceName, 'gateway'>;

/** A comma-separated list of exact origins; `*` is refused because the gateway allows credentials. */
const originListVar = z
  .string()
  .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean))
  .pipe(
    z.array(
      z.url({ protocol: /^https?$/, error: 'must be a comma-separated list of http(s) origins (no wildcard)' }).refine((origin) => URL.canParse(origin) && new URL(origin).origin === origin, {
        error: 'must be an origin only (scheme, host and port; no path or trailing slash)',
      }),
    ),
  );

/** The gateway owns no database; it knows where each service answers and how it guards the edge. */
export const gatewayConfigSchema = baseConfigSchema.extend({
  ...serviceUrlsShape(BACKEND_SERVICES),
  /** Time to open a connection to a service. */
  UPSTREAM_CONNECT_TIMEOUT_MS: positiveIntVar.default(2000),
  /** Time from sending a request to a service until its response headers arrive; also the longest silence in a non-streaming body. */
  UPSTREAM_TIMEOUT_MS: positiveIntVar.default(15000),
  JWT_ISSUER: z.string().min(1).default('marketplace-identity'),
  JWT_AUDIENCE: z.string().min(1).default('marketplace-api'),
  /** After fetching identity's key set, a token with an unknown `kid` refetches it only after this long (a flood of forged kids cannot hammer identity). */
  JWKS_REFETCH_COOLDOWN_MS: positiveIntVar.default(30000),
  /** Tokens that verified are remembered (by their exact string) until they expire, at most this long: a token is checked again at least this often. */
  TOKEN_CACHE_TTL_MS: positiveIntVar.default(60000),
  /** Verified tokens remembered at most; the oldest is forgotten first. */
  TOKEN_CACHE_MAX_ENTRIES: positiveIntVar.default(10000),
  /** Browser origins allowed to call the API (with credentials); empty allows none. */
  CORS_ORIGINS: originListVar.default([]),
  RATE_LIMIT_WINDOW_MS: positiveIntVar.default(60000),
  /** Requests per window from one client IP address. */
  RATE_LIMIT_IP_MAX: positiveIntVar.default(600),
  /** Requests per window from one authenticated user (token subject). */
  RATE_LIMIT_USER_MAX: positiveIntVar.default(300),
  /** Counters in Redis, shared by every gateway instance; in memory when unset. */
  REDIS_URL: optional(z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' })),
  OPENAPI_CACHE_TTL_MS: positiveIntVar.default(10000),
  /** Largest body of an image upload forwarded to catalog's local image store (PUT images/...); BODY_LIMIT_BYTES elsewhere. */
  IMAGE_UPLOAD_LIMIT_BYTES: positiveIntVar.default(10 * 1024 * 1024),
});

export type GatewayConfig = z.output<typeof gatewayConfigSchema>;

/** Where each service answers, from the config. */
export function serviceBaseUrl(config: GatewayConfig, service: BackendService): string {
  return config[serviceUrlVariable(service)];
}
