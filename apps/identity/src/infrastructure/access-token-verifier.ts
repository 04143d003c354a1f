import type { AuthenticatedUser } from '@marketplace/auth';
import { role } from '@marketplace/contracts';
import { UnauthenticatedError } from '@marketplace/platform';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { z } from 'zod';
import type { SigningKeys } from './signing-keys';

const claimsSchema = z.object({ sub: z.uuid(), email: z.string(), roles: z.array(role) });

/**
 * Identity checks the access tokens sent to it against the key set it publishes, held in memory
 * (it is the issuer: fetching its own JWKS over HTTP would only add a failure mode). EdDSA only, its
 * own issuer and audience, unexpired. It stands in for libs/auth's JwksTokenVerifier behind the same
 * AuthGuard, so @Public, @Roles and @CurrentUser work as in every other service.
 */
export class AccessTokenVerifier {
  private readonly keySet: ReturnType<typeof createLocalJWKSet>;

  constructor(
    keys: SigningKeys,
    private readonly expected: { issuer: string; audience: string; now: () => Date },
  ) {
    this.keySet = createLocalJWKSet(keys.jwks);
  }

  async verify(token: string): Promise<AuthenticatedUser> {
    try {
      const { payload } = await jwtVerify(token, this.keySet, {
        algorithms: ['EdDSA'],
        issuer: this.expected.issuer,
        audience: this.expected.audience,
        currentDate: this.expected.now(),
        clockTolerance: 5,
        requiredClaims: ['exp', 'sub'],
      });
      const claims = claimsSchema.parse(payload);
      return { id: claims.sub, email: claims.email, roles: claims.roles };
    } catch (cause) {
      throw new UnauthenticatedError('The access token is missing, invalid or expired.', { cause });
    }
  }
}
