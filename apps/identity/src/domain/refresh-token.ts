/** A refresh token as stored: only its hash is kept; tokens of one login share a family. */
export interface RefreshToken {
  id: string;
  familyId: string;
  userId: string;
  expiresAt: Date;
  rotatedAt: Date | null;
  revokedAt: Date | null;
}

export const REFRESH_TOKEN_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * What presenting a refresh token leads to. A token that was already rotated (or revoked) being shown
 * again means someone else holds a copy: the whole family is revoked (theft detection).
 */
export type RefreshDecision = { kind: 'rotate' } | { kind: 'revoke_family'; why: 'reused' | 'revoked' } | { kind: 'reject'; why: 'expired' };

export function decideRefresh(token: RefreshToken, now: Date): RefreshDecision {
  if (token.revokedAt) return { kind: 'revoke_family', why: 'revoked' };
  if (token.rotatedAt) return { kind: 'revoke_family', why: 'reused' };
  if (token.expiresAt.getTime() <= now.getTime()) return { kind: 'reject', why: 'expired' };
  return { kind: 'rotate' };
}

export function issueRefreshToken(input: { id: string; familyId: string; userId: string; now: Date }): RefreshToken {
  return {
    id: input.id,
    familyId: input.familyId,
    userId: input.userId,
    expiresAt: new Date(input.now.getTime() + REFRESH_TOKEN_TTL_MS),
    rotatedAt: null,
    revokedAt: null,
  };
}
