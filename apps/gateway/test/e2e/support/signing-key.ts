import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { exportJWK, SignJWT, type JWTPayload } from 'jose';

/**
 * The Ed25519 key identity signs with, made by the test and given to identity as JWT_PRIVATE_KEYS: the
 * test can then mint tokens with the real key that must still be refused (expired, wrong issuer...).
 */
export class IdentitySigningKey {
  private constructor(
    readonly kid: string,
    private readonly privateKey: KeyObject,
    /** The JWT_PRIVATE_KEYS value. */
    readonly privateKeysEnv: string,
  ) {}

  static async generate(): Promise<IdentitySigningKey> {
    const kid = randomUUID();
    const { privateKey } = generateKeyPairSync('ed25519');
    const jwk = { ...(await exportJWK(privateKey)), kid };
    return new IdentitySigningKey(kid, privateKey, JSON.stringify([jwk]));
  }

  /** A token signed with identity's real key, with exactly these claims and header fields. */
  sign(claims: JWTPayload, header: Record<string, unknown> = {}): Promise<string> {
    return new SignJWT(claims).setProtectedHeader({ typ: 'JWT', kid: this.kid, ...header, alg: 'EdDSA' }).sign(this.privateKey);
  }
}
