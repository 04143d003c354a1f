import { normaliseRecoveryCode, recoveryCodeFrom } from './recovery-codes';

describe('recovery codes', () => {
  it('shows 8 random bytes as three groups of four unambiguous base32 characters', () => {
    expect(recoveryCodeFrom(new Uint8Array(8))).toBe('0000-0000-0000');
    expect(recoveryCodeFrom(Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 33]))).toBe('1100-0000-0000');
    expect(recoveryCodeFrom(Uint8Array.from([255, 255, 255, 255, 255, 255, 255, 255]))).toMatch(/^[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){2}$/);
  });

  it('gives different codes for different bytes', () => {
    const codes = new Set([1, 2, 3, 4].map((n) => recoveryCodeFrom(Uint8Array.from([n, 0, 0, 0, 0, 0, 0, n]))));
    expect(codes.size).toBe(4);
  });

  it('reads a code typed in upper case, with or without dashes and spaces', () => {
    const code = recoveryCodeFrom(Uint8Array.from([9, 8, 7, 6, 5, 4, 3, 2]));
    const compact = code.replace(/-/g, '');
    expect([normaliseRecoveryCode(code), normaliseRecoveryCode(code.toUpperCase()), normaliseRecoveryCode(` ${compact.slice(0, 6)} ${compact.slice(6)} `)]).toEqual([compact, compact, compact]);
  });

  it('refuses what cannot be a code: wrong length, or a letter the alphabet leaves out', () => {
    expect(normaliseRecoveryCode('abcd-efgh-jkm')).toBeUndefined();
    expect(normaliseRecoveryCode('abcd-efgh-jkmnp')).toBeUndefined();
    expect(normaliseRecoveryCode('abcd-efgh-jkmi')).toBeUndefined();
    expect(normaliseRecoveryCode('123456')).toBeUndefined();
  });
});
