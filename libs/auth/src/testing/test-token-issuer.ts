import { createSecretKey, randomUUID } from 'node:crypto';
import { type JWTHeaderParameters, type JWTPayload, SignJWT } from 'jose';
import { JwksServer } from './jwks-server';
import { generateTestKey, type TestKey } from './test-key';

export const TEST_ISSUER = 'marketplace-identity';
export const TEST_AUDIENCE = 'marketplace-api';

/** Claims to put in a token; `undefined` removes a default claim. */
export type TestClaims = { [claim: string]: unknown };

export interface SignOptions {
  /** Overrides or adds header parameters (`kid`, `typ`, ...); `alg` stays EdDSA. */
  header?: Partial<JWTHeaderParameters>;
  /** Sign with this key instead of the current one (e.g. a key the JWKS does not hold). */
  key?: TestKey;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Stands in for identity in tests: an Ed25519 key served as a JWKS on a local HTTP server, and
 * tokens signed with it — valid ones with any claims, and the forgeries a verifier must refuse.
 */
export class TestTokenIssuer {
  private signingKey: TestKey;

  private constructor(
    readonly jwks: JwksServer,
    key: TestKey,
    private readonly now: () => Date,
  ) {
    this.signingKey = key;
  }

  static async start(options: { now?: () => Date } = {}): Promise<TestTokenIssuer> {
    const jwks = await JwksServer.start();
    const key = await generateTestKey();
    jwks.keys = [key.publicJwk];
    return new TestTokenIssuer(jwks, key, options.now ?? (() => new Date()));
  }

  get jwksUrl(): string {
    return this.jwks.url;
  }

  /** The key tokens are signed with. */
  get currentKey(): TestKey {
    return this.signingKey;
  }

  /** The options a verifier of these tokens takes. */
  get verifierOptions(): { jwksUrl: string; issuer: string; audience: string } {
    return { jwksUrl: this.jwksUrl, issuer: TEST_ISSUER, audience: TEST_AUDIENCE };
  }

  /** Key rotation: a new key signs from now on and is published first; the old one stays in the set. */
  async rotate(): Promise<TestKey> {
    this.signingKey = await generateTestKey();
    this.jwks.keys = [this.signingKey.publicJwk, ...this.jwks.keys];
    return this.signingKey;
  }

  /** The claims of a valid 15-minute buyer token, with `claims` applied on top. */
  claims(claims: TestClaims = {}): JWTPayload {
    const iat = Math.floor(this.now().getTime() / 1000);
    const merged: TestClaims = {
      iss: TEST_ISSUER,
      aud: TEST_AUDIENCE,
      sub: randomUUID(),
      email: 'buyer@example.com',
      roles: ['buyer'],
      iat,
      exp: iat + 15 * 60,
      jti: randomUUID(),
      ...claims,
    };
    return Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined)) as JWTPayload;
  }

  /** An EdDSA token as identity issues it, with `claims` applied on top of a valid buyer's. */
  sign(claims: TestClaims = {}, options: SignOptions = {}): Promise<string> {
    const key = options.key ?? this.signingKey;
    return new SignJWT(this.claims(claims))
      .setProtectedHeader({ typ: 'JWT', kid: key.kid, ...options.header, alg: 'EdDSA' })
      .sign(key.privateKey);
  }

  /** An unsigned token (`alg: none`). */
  forgeUnsigned(claims: TestClaims = {}): string {
    return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(this.claims(claims))}.`;
  }

  /** The classic key-confusion forgery: HS256 with the public key (PEM) as the HMAC secret. */
  forgeHmacWithPublicKey(claims: TestClaims = {}): Promise<string> {
    const secret = createSecretKey(Buffer.from(this.signingKey.publicKey.export({ type: 'spki', format: 'pem' })));
    return new SignJWT(this.claims(claims)).setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: this.signingKey.kid }).sign(secret);
  }

  /** A valid token whose payload was then changed (e.g. roles raised to admin); its signature no longer matches. */
  async forgeTamperedPayload(claims: TestClaims = {}, tampered: TestClaims = { roles: ['admin'] }): Promise<string> {
    const [header, payload = '', signature] = (await this.sign(claims)).split('.');
    const original = JSON.parse(Buffer.from(payload, 'base64url').toString()) as TestClaims;
    return `${header}.${base64url({ ...original, ...tampered })}.${signature}`;
  }

  /** A token signed by a key the JWKS does not hold, under a kid it does not know. */
  async forgeWithUnknownKey(claims: TestClaims = {}): Promise<string> {
    return this.sign(claims, { key: await generateTestKey() });
  }

  /** A token signed by a key the JWKS does not hold, claiming the current key's kid: a bad signature. */
  async forgeWithForeignKey(claims: TestClaims = {}): Promise<string> {
    const foreign = await generateTestKey(this.signingKey.kid);
    return this.sign(claims, { key: foreign });
  }

  /** A token that expired a minute ago (beyond any clock tolerance). */
  signExpired(claims: TestClaims = {}): Promise<string> {
    const now = Math.floor(this.now().getTime() / 1000);
    return this.sign({ iat: now - 16 * 60, exp: now - 60, ...claims });
  }

  close(): Promise<void> {
    return this.jwks.close();
  }
}
