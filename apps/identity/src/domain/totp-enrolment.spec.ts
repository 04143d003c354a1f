import { MfaAlreadyEnabledError, MfaEnrolmentRequiredError, MfaNotEnabledError, MfaRequiredError } from './errors';
import { afterPassword, assertMayDisable, confirmEnrolment, enabledEnrolment, pendingEnrolment, recordUsedStep, startEnrolment } from './totp-enrolment';

const now = new Date('2026-03-01T12:00:00.000Z');
const later = new Date('2026-03-01T12:01:00.000Z');
const pending = startEnrolment(undefined, { userId: 'u1', sealedSecret: 'sealed-1', now });
const enabled = confirmEnrolment(pendingEnrolment(pending), { step: 100, now: later });

describe('TOTP enrolment', () => {
  it('given none, when started, then it is pending with the sealed secret', () => {
    expect(pending).toEqual({ userId: 'u1', sealedSecret: 'sealed-1', createdAt: now, status: 'pending' });
  });

  it('given a pending one, when started again, then the new secret replaces it', () => {
    expect(startEnrolment(pending, { userId: 'u1', sealedSecret: 'sealed-2', now: later })).toMatchObject({ sealedSecret: 'sealed-2', status: 'pending' });
  });

  it('given a pending one, when a first code confirms it, then it is enabled with that code\'s step used', () => {
    expect(enabled).toEqual({ userId: 'u1', sealedSecret: 'sealed-1', createdAt: now, status: 'enabled', enabledAt: later, lastUsedStep: 100 });
    expect(recordUsedStep(enabledEnrolment(enabled), 101).lastUsedStep).toBe(101);
  });

  it('given an enabled one, when started or confirmed again, then it is refused (409)', () => {
    expect(() => startEnrolment(enabled, { userId: 'u1', sealedSecret: 'sealed-2', now })).toThrow(MfaAlreadyEnabledError);
    expect(() => pendingEnrolment(enabled)).toThrow(MfaAlreadyEnabledError);
  });

  it('given none or a pending one, when a code is asked for, then TOTP is not enabled (409)', () => {
    expect(() => pendingEnrolment(undefined)).toThrow(MfaNotEnabledError);
    expect(() => enabledEnrolment(undefined)).toThrow(MfaNotEnabledError);
    expect(() => enabledEnrolment(pending)).toThrow(MfaNotEnabledError);
  });

  describe('after the password', () => {
    it('a user with TOTP on gives a code next; without it, a session', () => {
      expect(afterPassword(enabled, ['buyer'], false)).toBe('second_factor');
      expect(afterPassword(pending, ['buyer'], true)).toBe('session');
    });

    it('an admin under ADMIN_MFA_REQUIRED without TOTP on must enrol first (403)', () => {
      expect(() => afterPassword(pending, ['buyer', 'admin'], true)).toThrow(MfaEnrolmentRequiredError);
      expect(afterPassword(undefined, ['buyer', 'admin'], false)).toBe('session');
      expect(afterPassword(enabled, ['buyer', 'admin'], true)).toBe('second_factor');
    });
  });

  it('an admin may not disable TOTP while it is required; anyone else may', () => {
    expect(() => assertMayDisable(['buyer', 'admin'], true)).toThrow(MfaRequiredError);
    expect(() => assertMayDisable(['buyer', 'admin'], false)).not.toThrow();
    expect(() => assertMayDisable(['buyer', 'seller'], true)).not.toThrow();
  });
});
