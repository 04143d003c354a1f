import { COMMON_PASSWORDS } from './common-passwords';
import { normaliseEmail } from './email';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * The reasons a password is refused (empty when it is acceptable). Length counts code points, so that
 * an emoji is one character; the upper bound keeps hashing cheap for a hostile caller.
 */
export function passwordPolicyViolations(password: string, email: string): string[] {
  const reasons: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) reasons.push(`must be at least ${PASSWORD_MIN_LENGTH} characters`);
  if (length > PASSWORD_MAX_LENGTH) reasons.push(`must be at most ${PASSWORD_MAX_LENGTH} characters`);
  if (COMMON_PASSWORDS.has(password.toLowerCase())) reasons.push('is too common');
  if (normaliseEmail(password) === normaliseEmail(email)) reasons.push('must not be the email address');
  return reasons;
}
