/** Single-use secrets mailed to the user; stored as hashes only. */
export type OneTimeTokenPurpose = 'email_verification' | 'password_reset';

export const ONE_TIME_TOKEN_TTL_MS: Record<OneTimeTokenPurpose, number> = {
  email_verification: 24 * 60 * 60 * 1000,
  password_reset: 60 * 60 * 1000,
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
