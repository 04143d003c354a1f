import type { Role } from '@marketplace/contracts';
import { MfaAlreadyEnabledError, MfaEnrolmentRequiredError, MfaNotEnabledError, MfaRequiredError } from './errors';

interface EnrolmentBase {
  userId: string;
  /** The base32 secret sealed with the MFA key; the plain secret is never stored. */
  sealedSecret: string;
  createdAt: Date;
}

/** A user's TOTP: pending until a first code confirms it, then enabled. */
export type TotpEnrolment = (EnrolmentBase & { status: 'pending' }) | (EnrolmentBase & { status: 'enabled'; enabledAt: Date; lastUsedStep: number });

/** A new secret replaces a pending one (an abandoned QR code); an enabled TOTP must be disabled first. */
export function startEnrolment(current: TotpEnrolment | undefined, input: { userId: string; sealedSecret: string; now: Date }): TotpEnrolment {
  if (current?.status === 'enabled') throw new MfaAlreadyEnabledError();
  return { userId: input.userId, sealedSecret: input.sealedSecret, createdAt: input.now, status: 'pending' };
}

export type PendingEnrolment = Extract<TotpEnrolment, { status: 'pending' }>;
export type EnabledEnrolment = Extract<TotpEnrolment, { status: 'enabled' }>;

/** The enrolment a first code can confirm. */
export function pendingEnrolment(current: TotpEnrolment | undefined): PendingEnrolment {
  if (current?.status === 'enabled') throw new MfaAlreadyEnabledError();
  if (!current) throw new MfaNotEnabledError('No TOTP enrolment was started.');
  return current;
}

/** The first accepted code's step becomes the last used one, so that code cannot log in afterwards. */
export function confirmEnrolment(pending: PendingEnrolment, input: { step: number; now: Date }): EnabledEnrolment {
  return { ...pending, status: 'enabled', enabledAt: input.now, lastUsedStep: input.step };
}

/** The TOTP a code is checked against (login, disabling, new recovery codes). */
export function enabledEnrolment(current: TotpEnrolment | undefined): EnabledEnrolment {
  if (current?.status !== 'enabled') throw new MfaNotEnabledError('Two-factor authentication is not enabled.');
  return current;
}

/** Each accepted step is remembered: a later code must be of a later step. */
export function recordUsedStep(enabled: EnabledEnrolment, step: number): EnabledEnrolment {
  return { ...enabled, lastUsedStep: step };
}

/** Whether the account must have a second factor to sign in (admins, when ADMIN_MFA_REQUIRED). */
export function mfaRequired(roles: readonly Role[], adminMfaRequired: boolean): boolean {
  return adminMfaRequired && roles.includes('admin');
}

/** After the right password: a session, a code first, or (required but not enrolled) no session at all. */
export function afterPassword(current: TotpEnrolment | undefined, roles: readonly Role[], adminMfaRequired: boolean): 'session' | 'second_factor' {
  if (current?.status === 'enabled') return 'second_factor';
  if (mfaRequired(roles, adminMfaRequired)) throw new MfaEnrolmentRequiredError();
  return 'session';
}

/** Turning TOTP off is refused while the policy requires it for this account. */
export function assertMayDisable(roles: readonly Role[], adminMfaRequired: boolean): void {
  if (mfaRequired(roles, adminMfaRequired)) throw new MfaRequiredError();
}
