import { OidcEmailMissingError, OidcEmailNotVerifiedError } from './errors';
import { canFinish, OIDC_SIGN_IN_TTL_MS, startOidcSignIn } from './oidc-pending-sign-in';
import { canUnlink, decideOidcSignIn, displayNameFor, linkAccount, type OidcClaims } from './oidc-sign-in';
import { registerUser, verifyEmail } from './user';

const now = new Date('2026-03-01T12:00:00.000Z');
const later = new Date('2026-03-01T12:05:00.000Z');
const ada = registerUser({ id: 'u1', email: 'ada@example.com', name: 'Ada', phone: null, locale: 'en', passwordHash: '$argon2id$...', now });
const verifiedAda = verifyEmail(ada, now).user;
const claims: OidcClaims = { subject: 'google-123', email: 'ada@example.com', emailVerified: true, name: 'Ada L.' };

describe('OpenID Connect sign-in', () => {
  it('given a linked identity, when it signs in, then it is its user whatever the email says', () => {
    expect(decideOidcSignIn('u9', ada, { ...claims, email: undefined, emailVerified: false })).toEqual({ kind: 'linked', userId: 'u9' });
  });

  it('given no account with the email, when it signs in, then a new account is opened', () => {
    expect(decideOidcSignIn(undefined, undefined, { ...claims, emailVerified: false })).toEqual({ kind: 'register', email: 'ada@example.com' });
  });

  it('given an account with the email, when the provider verified it, then the account is linked', () => {
    expect(decideOidcSignIn(undefined, verifiedAda, claims)).toEqual({ kind: 'link', user: verifiedAda });
  });

  it('given an account with the email, when the provider did not verify it, then linking is refused (409)', () => {
    expect(() => decideOidcSignIn(undefined, verifiedAda, { ...claims, emailVerified: false })).toThrow(OidcEmailNotVerifiedError);
  });

  it('given no linked identity, when the provider shares no email, then no account can be opened (422)', () => {
    expect(() => decideOidcSignIn(undefined, undefined, { ...claims, email: undefined })).toThrow(OidcEmailMissingError);
  });

  it('names a new account as the provider does, unless that name is not one plain line of at most 200 characters', () => {
    expect(displayNameFor(claims, 'ada@example.com')).toBe('Ada L.');
    expect(displayNameFor({ ...claims, name: 'Ada\u202Eevil' }, 'ada@example.com')).toBe('ada');
    expect(displayNameFor({ ...claims, name: 'x'.repeat(201) }, 'ada@example.com')).toBe('ada');
    expect(displayNameFor({ ...claims, name: undefined }, 'ada@example.com')).toBe('ada');
  });

  describe('linking an account', () => {
    it('with a verified email, then the account is unchanged', () => {
      expect(linkAccount(verifiedAda, later)).toEqual({ user: verifiedAda, passwordDropped: false, verified: false });
    });

    it('with an unverified email, then its unproven password is dropped and the email counts as verified', () => {
      expect(linkAccount(ada, later)).toEqual({ user: { ...ada, emailVerifiedAt: later, passwordHash: null }, passwordDropped: true, verified: true });
    });
  });

  describe('removing a link', () => {
    it('is allowed with a password, or with another provider linked', () => {
      expect(canUnlink({ passwordHash: 'hash' }, 1)).toBe(true);
      expect(canUnlink({ passwordHash: null }, 2)).toBe(true);
    });

    it('is refused for the last way to sign in: no password and one link', () => {
      expect(canUnlink({ passwordHash: null }, 1)).toBe(false);
    });
  });

  describe('a pending sign-in', () => {
    const pending = startOidcSignIn({ provider: 'google', redirectUri: 'https://app.example/cb', nonce: 'n', codeVerifier: 'v', now });

    it('expires after ten minutes', () => {
      expect(pending.expiresAt).toEqual(new Date(now.getTime() + OIDC_SIGN_IN_TTL_MS));
      expect(canFinish(pending, 'google', later)).toBe(true);
      expect(canFinish(pending, 'google', pending.expiresAt)).toBe(false);
    });

    it('is finished once, by its own provider', () => {
      expect(canFinish({ ...pending, usedAt: later }, 'google', later)).toBe(false);
      expect(canFinish(pending, 'github', later)).toBe(false);
    });
  });
});
