/** Single-use secrets mailed to the user, or handed out between the two login steps; stored as hashes only. */
export type OneTimeTokenPurpose = 'email_verification' | 'password_reset' | 'mfa_login' | 'mfa_enrolment';

export const ONE_TIME_TOKEN_TTL_MS: Record<OneTimeTokenPurpose, number> = {
  email_verification: 24 * 60 * 60 * 1000,
  password_reset: 60 * 60 * 1000,
  // Between the password and the code: long enough to open an app, short enough to be useless later.
  mfa_login: 5 * 60 * 1000,
  // Scanning a QR code and typing the first code takes longer.
  mfa_enrolment: 15 * 60 * 1000,
};

export interface OneTimeToken {
  id: string;
  userId: string;
  purpose: OneTimeTokenPurpose;
  expiresAt: Date;
  usedAt: Date | null;
}

export function issueOneTimeToken(input: { id: string; userId: string; purpose: OneTimeTokenPurpose; now: Date }): OneTimeToken {
  return { ...input, expiresAt: new Date(input.now.getTime() + ONE_TIME_TOKEN_TTL_MS[input.purpose]), usedAt: null };
}

/** A token is good once, for its own purpose, before it expires. */
export function canRedeem(token: OneTimeToken, purpose: OneTimeTokenPurpose, now: Date): boolean {
  return token.purpose === purpose && token.usedAt === null && token.expiresAt.getTime() > now.getTime();
}
