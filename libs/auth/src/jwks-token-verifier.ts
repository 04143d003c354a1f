import { UnauthenticatedError } from '@marketplace/platform';
import { createRemoteJWKSet, errors, type JWTHeaderParameters, type FlattenedJWSInput, jwtVerify, type KeyLike } from 'jose';
import { userFromClaims } from './access-token-claims';
import type { AuthenticatedUser } from './authenticated-user';
import { KeySetUnavailable, verificationFailure } from './verification-failure';
import type { TokenVerifierOptions } from './verifier-options';

/** identity signs with Ed25519; anything else, including `none` and HMAC, is refused before any key is looked at. */
const ACCEPTED_ALGORITHMS = ['EdDSA'];
/** A real access token is a few hundred bytes; a huge one is refused before parsing. */
const MAX_TOKEN_LENGTH = 8192;

/**
 * Verifies identity's access tokens against its JWKS. Keys are cached; a token with an unknown
 * `kid` (after a key rotation) refetches the set, at most once per cool-down, so a flood of forged
 * kids cannot hammer identity. Every rejection is an UnauthenticatedError (401) saying why; an
 * unreachable key set is a DependencyUnavailableError (503).
 */
export class JwksTokenVerifier {
  private readonly keySet: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly options: TokenVerifierOptions) {
    this.keySet = createRemoteJWKSet(new URL(options.jwksUrl), {
      timeoutDuration: options.fetchTimeoutMs ?? 3000,
      cooldownDuration: options.unknownKeyCooldownMs ?? 30_000,
      cacheMaxAge: options.cacheMaxAgeMs ?? 600_000,
    });
  }

  async verify(token: string): Promise<AuthenticatedUser> {
    if (token.length > MAX_TOKEN_LENGTH) throw new UnauthenticatedError('The access token is malformed.');
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, (header, input) => this.keyFor(header, input), {
        algorithms: ACCEPTED_ALGORITHMS,
        issuer: this.options.issuer,
        audience: this.options.audience,
        clockTolerance: this.options.clockToleranceSeconds ?? 5,
        requiredClaims: ['exp', 'sub'],
        currentDate: this.options.clock?.(),
      }));
    } catch (error) {
      throw verificationFailure(error);
    }
    const user = userFromClaims(payload);
    if (!user) throw new UnauthenticatedError('The access token does not carry the claims identity issues (sub, email, roles).');
    return user;
  }

  /** The public key named by the token's `kid`; a token without one is not identity's. */
  private async keyFor(header: JWTHeaderParameters, input: FlattenedJWSInput): Promise<KeyLike> {
    if (!header.kid) throw new errors.JWKSNoMatchingKey();
    try {
      return await this.keySet(header, input);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
      throw new KeySetUnavailable(error);
    }
  }
}
