import { singleLine } from '@marketplace/contracts';
import { z } from 'zod';
import { OidcEmailMissingError, OidcEmailNotVerifiedError } from './errors';
import type { User } from './user';

/** What a provider asserted about the person, from a verified ID token (and userinfo). */
export interface OidcClaims {
  subject: string;
  /** Already normalised; undefined when the provider shared none. */
  email: string | undefined;
  emailVerified: boolean;
  name: string | undefined;
}

export type OidcSignIn =
  | { kind: 'linked'; userId: string }
  | { kind: 'link'; user: User }
  | { kind: 'register'; email: string };

/**
 * Whose sign-in this is. A known (provider, subject) is its user; otherwise an account with the same
 * email is linked only when the provider vouches for the email (else anyone could create a provider
 * account with someone else's address and take theirs); with no account, a new one is opened.
 */
export function decideOidcSignIn(linkedUserId: string | undefined, sameEmail: User | undefined, claims: OidcClaims): OidcSignIn {
  if (linkedUserId !== undefined) return { kind: 'linked', userId: linkedUserId };
  if (claims.email === undefined) throw new OidcEmailMissingError();
  if (sameEmail === undefined) return { kind: 'register', email: claims.email };
  if (!claims.emailVerified) throw new OidcEmailNotVerifiedError();
  return { kind: 'link', user: sameEmail };
}

/**
 * The account after a provider proved its email. If our copy was unverified, whoever set the password
 * never proved the address (it may be someone who signed up with it first, waiting for the owner):
 * that password is dropped, and the email counts as verified.
 */
export function linkAccount(user: User, now: Date): { user: User; passwordDropped: boolean; verified: boolean } {
  if (user.emailVerifiedAt !== null) return { user, passwordDropped: false, verified: false };
  return { user: { ...user, emailVerifiedAt: now, passwordHash: null }, passwordDropped: user.passwordHash !== null, verified: true };
}

/** A link may go unless it is the last way in: an account without a password keeps at least one. */
export function canUnlink(user: Pick<User, 'passwordHash'>, linkedProviders: number): boolean {
  return user.passwordHash !== null || linkedProviders > 1;
}

const plainName = singleLine(z.string().trim().min(1).max(200));

/** A new account's name: the provider's when it is one line of plain text that fits, else the email's local part. */
export function displayNameFor(claims: OidcClaims, email: string): string {
  const name = plainName.safeParse(claims.name);
  return name.success ? name.data : email.slice(0, email.lastIndexOf('@'));
}
