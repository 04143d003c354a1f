/** Where the keys are and what a token must say. */
export interface TokenVerifierOptions {
  /** identity's public key set, e.g. http://identity:3001/auth/jwks.json. */
  jwksUrl: string;
  /** Expected `iss` (JWT_ISSUER, `marketplace-identity`). */
  issuer: string;
  /** Expected `aud` (JWT_AUDIENCE, `marketplace-api`). */
  audience: string;
  /** Allowed clock skew for exp/nbf/iat. Default 5 s. */
  clockToleranceSeconds?: number;
  /** A JWKS fetch that takes longer fails (503). Default 3 s. */
  fetchTimeoutMs?: number;
  /** After a fetch, a token with an unknown `kid` does not trigger another one for this long. Default 30 s. */
  unknownKeyCooldownMs?: number;
  /** Keys are refetched at the next verification after this long even when every kid is known. Default 10 min. */
  cacheMaxAgeMs?: number;
  /** The verifier's notion of now (tests). */
  clock?: () => Date;
}
