import { randomBytes } from 'node:crypto';
import { RECOVERY_CODE_BYTES, RECOVERY_CODE_COUNT, recoveryCodeFrom } from '../domain/recovery-codes';
import { hashOpaqueToken } from './opaque-token';

/**
 * A fresh set of recovery codes: as shown to the user, and as stored. 60 random bits each and a
 * throttled check make SHA-256 enough (as for opaque tokens): a stolen table still reveals no code.
 */
export function newRecoveryCodes(): { codes: string[]; hashes: Buffer[] } {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => recoveryCodeFrom(randomBytes(RECOVERY_CODE_BYTES)));
  return { codes, hashes: codes.map((code) => hashOpaqueToken(code.replace(/-/g, ''))) };
}
