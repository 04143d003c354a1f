import { sealedLink } from '@marketplace/contracts';
import { randomBytes } from 'node:crypto';
import { DeliverySeal, SealBrokenError } from './delivery-seal';

describe('delivery seal', () => {
  const key = randomBytes(32);
  const link = 'http://localhost:3000/verify-email?token=abc_DEF-123';
  const seal = new DeliverySeal(key, 'delivery-1');

  it('seals a link into the sealedLink format, without the token in sight, and opens it again', () => {
    const sealed = seal.seal(link);
    expect(sealedLink.safeParse(sealed).success).toBe(true);
    expect(sealed).not.toContain('abc_DEF-123');
    expect(new DeliverySeal(Buffer.from(key), 'delivery-1').open(sealed)).toBe(link);
  });

  it('seals the same link differently each time (a fresh IV)', () => {
    expect(seal.seal(link)).not.toBe(seal.seal(link));
  });

  it('refuses to open with another key', () => {
    expect(() => new DeliverySeal(randomBytes(32), 'delivery-1').open(seal.seal(link))).toThrow(SealBrokenError);
  });

  it('refuses to open under another key id (bound as associated data)', () => {
    expect(() => new DeliverySeal(key, 'delivery-2').open(seal.seal(link))).toThrow(SealBrokenError);
  });

  it('refuses altered text, an altered tag, and what is not a seal', () => {
    const [iv, body, tag] = seal.seal(link).split('.');
    const flip = (part: string) => {
      const bytes = Buffer.from(part, 'base64url');
      bytes[0] ^= 1;
      return bytes.toString('base64url');
    };
    expect(() => seal.open([iv, flip(body), tag].join('.'))).toThrow(SealBrokenError);
    expect(() => seal.open([iv, body, flip(tag)].join('.'))).toThrow(SealBrokenError);
    expect(() => seal.open('not-a-seal')).toThrow(SealBrokenError);
  });

  it('takes only a 32-byte key', () => {
    expect(() => new DeliverySeal(randomBytes(16), 'delivery-1')).toThrow(RangeError);
  });
});
