import { decideRefresh, issueRefreshToken, REFRESH_TOKEN_TTL_MS, type RefreshToken } from './refresh-token';

const now = new Date('2026-03-01T12:00:00.000Z');
const later = (ms: number) => new Date(now.getTime() + ms);

function given(changes: Partial<RefreshToken> = {}): { when: (at: Date) => { then: (expected: ReturnType<typeof decideRefresh>) => void } } {
  const token = { ...issueRefreshToken({ id: 't1', familyId: 'f1', userId: 'u1', now }), ...changes };
  return { when: (at) => ({ then: (expected) => expect(decideRefresh(token, at)).toEqual(expected) }) };
}

describe('refresh token rotation', () => {
  it('expires seven days after issue', () => {
    expect(issueRefreshToken({ id: 't1', familyId: 'f1', userId: 'u1', now }).expiresAt).toEqual(later(REFRESH_TOKEN_TTL_MS));
  });

  it('rotates a fresh token', () => given().when(later(1000)).then({ kind: 'rotate' }));

  it('rejects an expired token without touching its family', () => given().when(later(REFRESH_TOKEN_TTL_MS)).then({ kind: 'reject', why: 'expired' }));

  it('revokes the family when a rotated token is shown again (theft detection)', () =>
    given({ rotatedAt: later(10) }).when(later(20)).then({ kind: 'revoke_family', why: 'reused' }));

  it('revokes the family when a revoked token is shown, even an expired one', () =>
    given({ revokedAt: later(10) }).when(later(REFRESH_TOKEN_TTL_MS * 2)).then({ kind: 'revoke_family', why: 'revoked' }));
});
