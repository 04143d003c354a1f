import type { Role } from '@marketplace/contracts';

/** An account. `passwordHash` is an argon2id PHC string (null for an account that signs in only through a provider) and never leaves the service. */
export interface User {
  id: string;
  email: string;
  name: string;
  /** E.164, or null when the user gave none. */
  phone: string | null;
  /** A canonical BCP 47 tag: the language and formats of what the user is sent. */
  locale: string;
  passwordHash: string | null;
  roles: Role[];
  emailVerifiedAt: Date | null;
  deactivatedAt: Date | null;
  createdAt: Date;
}

export interface RegisterUser {
  id: string;
  /** Already normalised. */
  email: string;
  name: string;
  phone: string | null;
  locale: string;
  passwordHash: string | null;
  /** Set when the email is already proven (a provider vouched for it). */
  emailVerifiedAt?: Date | null;
  now: Date;
}

/** A new account starts as a buyer with an unverified email. */
export function registerUser(command: RegisterUser): User {
  return {
    id: command.id,
    email: command.email,
    name: command.name,
    phone: command.phone,
    locale: command.locale,
    passwordHash: command.passwordHash,
    roles: ['buyer'],
    emailVerifiedAt: command.emailVerifiedAt ?? null,
    deactivatedAt: null,
    createdAt: command.now,
  };
}

/** Adds the role; `granted` is false when the user already held it (nothing changes, nothing to announce). */
export function grantRole(user: User, role: Role): { user: User; granted: boolean } {
  if (user.roles.includes(role)) return { user, granted: false };
  return { user: { ...user, roles: [...user.roles, role] }, granted: true };
}

/** Marks the email verified; a second verification changes nothing. */
export function verifyEmail(user: User, now: Date): { user: User; verified: boolean } {
  if (user.emailVerifiedAt) return { user, verified: false };
  return { user: { ...user, emailVerifiedAt: now }, verified: true };
}

export function changePassword(user: User, passwordHash: string): User {
  return { ...user, passwordHash };
}

export function canSignIn(user: User): boolean {
  return user.deactivatedAt === null;
}
