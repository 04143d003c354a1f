/** How many recovery codes a user gets at once (each works once). */
export const RECOVERY_CODE_COUNT = 10;
/** Bytes of randomness per code: 60 bits shown as 12 base32 characters. */
export const RECOVERY_CODE_BYTES = 8;

// Crockford's base32 without I, L, O, U: nothing to confuse when a code is read off paper.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** A code as shown to the user, `xxxx-xxxx-xxxx`, from random bytes given by the caller. */
export function recoveryCodeFrom(bytes: Uint8Array): string {
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let chars = '';
  for (let i = 0; i < 12; i++) chars += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

/**
 * The form a code is stored (hashed) and compared in: lower case, without the dashes and spaces people
 * type or omit. Anything that is not a whole code is undefined, so it never reaches a hash lookup.
 */
export function normaliseRecoveryCode(input: string): string | undefined {
  const compact = input.toLowerCase().replace(/[\s-]/g, '');
  return /^[0-9a-hjkmnp-tv-z]{12}$/.test(compact) ? compact : undefined;
}
