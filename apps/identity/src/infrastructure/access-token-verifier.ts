import { role, type Role } from '@marketplace/contracts';
import { UnauthenticatedError } from '@marketplace/platform';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { z } from 'zod';
import type { SigningKeys } from './signing-keys';

/** The caller behind a verified access token. */
export interface Caller {
  id: string;
  email: string;
  roles: Role[];
}

const claimsSchema = z.object({ sub: z.uuid(), email: z.string(), roles: z.array(role) });

/**
 * Identity checks the access tokens sent to it against the key set it publishes, held in memory:
 * EdDSA only, its own issuer and audience, unexpired. Any failure is one 401 that says nothing more.
 */
export class AccessTokenVerifier {
  private readonly keySet: ReturnType<typeof createLocalJWKSet>;

  constructor(
    keys: SigningKeys,
    private readonly expected: { issuer: string; audience: string; now: () => Date },
  ) {
    this.keySet = createLocalJWKSet(keys.jwks);
  }

  async verify(token: string): Promise<Caller> {
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
