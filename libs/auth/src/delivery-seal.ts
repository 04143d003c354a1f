import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export class SealBrokenError extends Error {
  override readonly name = 'SealBrokenError';
}

/**
 * Seals a link for the notifications service with AES-256-GCM under the delivery key that only
 * identity and notifications hold: `<iv>.<ciphertext>.<tag>` in base64url, the key id bound as
 * associated data. Anyone else reading the topic sees no token.
 */
export class DeliverySeal {
  constructor(
    private readonly key: Buffer,
    readonly keyId: string,
  ) {
    if (key.length !== 32) throw new RangeError('the delivery key must be 32 bytes');
  }

  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(this.keyId, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [iv, ciphertext, cipher.getAuthTag()].map((part) => part.toString('base64url')).join('.');
  }

  open(sealed: string): string {
    const [iv, ciphertext, tag] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
    if (!iv || !ciphertext || !tag || iv.length !== 12 || tag.length !== 16) throw new SealBrokenError('not a sealed link');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
      decipher.setAAD(Buffer.from(this.keyId, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch (cause) {
      throw new SealBrokenError('the sealed link was not sealed with this key, or was altered', { cause });
    }
  }
}
