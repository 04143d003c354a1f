import { z } from 'zod';

/**
 * A link carrying a one-time token, sealed with AES-256-GCM under the delivery key that only identity
 * and notifications hold: `<iv>.<ciphertext>.<tag>`, each base64url. Readers of the topic see no token.
 */
export const sealedLink = z.string().regex(/^[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{1,4096}\.[A-Za-z0-9_-]{22}$/, {
  error: 'must be <iv>.<ciphertext>.<tag> in base64url',
});

/** Names the delivery key that sealed the link, so that the key can be rotated. */
export const sealKeyId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'must be 1-64 letters, digits, _ or -' });
