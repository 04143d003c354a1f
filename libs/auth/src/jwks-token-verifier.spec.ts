import { DependencyUnavailableError, UnauthenticatedError } from '@marketplace/platform';
import { JwksTokenVerifier } from './jwks-token-verifier';
import { JwksServer } from './testing/jwks-server';
import { TEST_AUDIENCE, TEST_ISSUER, TestTokenIssuer } from './testing/test-token-issuer';

describe('JwksTokenVerifier', () => {
  let issuer: TestTokenIssuer;
  let verifier: JwksTokenVerifier;

  beforeEach(async () => {
    issuer = await TestTokenIssuer.start();
    verifier = new JwksTokenVerifier({ ...issuer.verifierOptions, unknownKeyCooldownMs: 1000, fetchTimeoutMs: 300 });
  });

  afterEach(() => issuer.close());

  /** The 401 a rejected token gives, with its message. */
  async function rejection(token: string | Promise<string>): Promise<UnauthenticatedError> {
    const error = await verifier.verify(await token).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnauthenticatedError);
    return error as UnauthenticatedError;
  }

  it('returns the user of a valid token', async () => {
    const token = await issuer.sign({ sub: 'user-1', email: 'ada@example.com', roles: ['buyer', 'seller'] });
    await expect(verifier.verify(token)).resolves.toEqual({ id: 'user-1', email: 'ada@example.com', roles: ['buyer', 'seller'] });
  });

  it('caches the key set: many verifications, one fetch', async () => {
    for (let i = 0; i < 5; i += 1) await verifier.verify(await issuer.sign());
    expect(issuer.jwks.requests).toBe(1);
  });

  it('rejects an expired token', async () => {
    expect((await rejection(issuer.signExpired())).message).toBe('The access token has expired.');
  });

  it('tolerates a few seconds of clock skew on exp and nbf, not more', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expect(verifier.verify(await issuer.sign({ exp: now - 2 }))).resolves.toBeDefined();
    await expect(verifier.verify(await issuer.sign({ nbf: now + 2 }))).resolves.toBeDefined();
    expect((await rejection(issuer.sign({ nbf: now + 60 }))).message).toBe('The access token is not valid yet.');
  });

  it('rejects a token from another issuer or for another audience', async () => {
    expect((await rejection(issuer.sign({ iss: 'evil-identity' }))).message).toBe('The access token was issued by an unexpected issuer.');
    expect((await rejection(issuer.sign({ aud: 'another-api' }))).message).toBe('The access token is meant for another audience.');
  });

  it('rejects alg none and HS256 signed with the public key, without fetching keys', async () => {
    expect((await rejection(issuer.forgeUnsigned({ roles: ['admin'] }))).message).toBe('The access token algorithm is not accepted (only EdDSA is).');
    expect((await rejection(issuer.forgeHmacWithPublicKey({ roles: ['admin'] }))).message).toBe('The access token algorithm is not accepted (only EdDSA is).');
    expect(issuer.jwks.requests).toBe(0);
  });

  it('rejects a tampered payload and a signature by a foreign key under a known kid', async () => {
    expect((await rejection(issuer.forgeTamperedPayload())).message).toBe('The access token signature is invalid.');
    expect((await rejection(issuer.forgeWithForeignKey())).message).toBe('The access token signature is invalid.');
  });

  it('rejects a token signed with an unknown key, and one without a kid', async () => {
    expect((await rejection(issuer.forgeWithUnknownKey())).message).toBe('The access token was signed with an unknown key.');
    expect((await rejection(issuer.sign({}, { header: { kid: undefined } }))).message).toBe('The access token was signed with an unknown key.');
  });

  it.each([
    ['garbage', 'not-a-token'],
    ['two segments', 'a.b'],
    ['bad base64 header', '!!!.e30.sig'],
    ['empty', ''],
    ['huge', 'a'.repeat(10_000)],
  ])('rejects a malformed token (%s)', async (_name, token) => {
    expect((await rejection(token)).message).toBe('The access token is malformed.');
  });

  it('rejects a token without the claims identity issues', async () => {
    expect((await rejection(issuer.sign({ roles: ['superuser'] }))).message).toMatch(/does not carry the claims/);
    expect((await rejection(issuer.sign({ email: undefined }))).message).toMatch(/does not carry the claims/);
    expect((await rejection(issuer.sign({ exp: undefined }))).message).toBe('The access token lacks a required claim.');
    expect((await rejection(issuer.sign({ sub: undefined }))).message).toBe('The access token lacks a required claim.');
  });

  it('refetches the key set for an unknown kid after a rotation, at most once per cool-down', async () => {
    await verifier.verify(await issuer.sign());
    await issuer.rotate();
    const rotated = await issuer.sign({ sub: 'rotated' });
    // Within the cool-down after the first fetch, an unknown kid does not refetch.
    expect((await rejection(rotated)).message).toBe('The access token was signed with an unknown key.');
    expect(issuer.jwks.requests).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await expect(verifier.verify(rotated)).resolves.toMatchObject({ id: 'rotated' });
    expect(issuer.jwks.requests).toBe(2);
    // Forged kids in a burst cost at most one more fetch.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    for (let i = 0; i < 5; i += 1) await rejection(issuer.forgeWithUnknownKey());
    expect(issuer.jwks.requests).toBe(3);
  });

  describe('when the key set cannot be had', () => {
    const unavailable = async (token: string) => {
      const error = await verifier.verify(token).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DependencyUnavailableError);
      expect((error as DependencyUnavailableError).status).toBe(503);
    };

    it('answers 503 when the server fails', async () => {
      issuer.jwks.mode = 'fail';
      await unavailable(await issuer.sign());
    });

    it('answers 503 when the server does not answer in time', async () => {
      issuer.jwks.mode = 'hang';
      const started = Date.now();
      await unavailable(await issuer.sign());
      expect(Date.now() - started).toBeLessThan(2000);
    });

    it('answers 503 when nothing listens', async () => {
      const gone = await JwksServer.start();
      await gone.close();
      verifier = new JwksTokenVerifier({ jwksUrl: gone.url, issuer: TEST_ISSUER, audience: TEST_AUDIENCE });
      await unavailable(await issuer.sign());
    });
  });
});
