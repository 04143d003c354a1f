import type { Role } from '@marketplace/contracts';
import { SignJWT } from 'jose';
import type { SigningKeys } from './signing-keys';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

export interface AccessTokenSubject {
  id: string;
  email: string;
  roles: readonly Role[];
}

/** Signs the 15-minute EdDSA access token every service verifies against the JWKS. */
export class AccessTokenIssuer {
  constructor(
    private readonly keys: SigningKeys,
    private readonly audience: { issuer: string; audience: string },
  ) {}

  async issue(user: AccessTokenSubject, tokenId: string, now: Date): Promise<{ accessToken: string; expiresIn: number }> {
    const issuedAt = Math.floor(now.getTime() / 1000);
    const accessToken = await new SignJWT({ roles: [...user.roles], email: user.email })
      .setProtectedHeader({ alg: 'EdDSA', kid: this.keys.kid, typ: 'JWT' })
      .setIssuer(this.audience.issuer)
      .setAudience(this.audience.audience)
      .setSubject(user.id)
      .setJti(tokenId)
      .setIssuedAt(issuedAt)
      .setNotBefore(issuedAt)
      .setExpirationTime(issuedAt + ACCESS_TOKEN_TTL_SECONDS)
      .sign(this.keys.privateKey);
    return { accessToken, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
  }
}
