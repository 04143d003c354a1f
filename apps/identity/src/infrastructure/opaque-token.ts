import { createHash, randomBytes } from 'node:crypto';

/** A 256-bit random secret in base64url (what the client holds) and its SHA-256 (what the database holds). */
export function newOpaqueToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashOpaqueToken(token) };
}

/** A high-entropy token needs no salt or slow hash: SHA-256 suffices to make a stolen table useless. */
export function hashOpaqueToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
