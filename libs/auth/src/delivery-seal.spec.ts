import { sealedLink } from '@marketplace/contracts';
import { randomBytes } from 'node:crypto';
import { DeliverySeal, SealBrokenError } from './delivery-seal';

describe('delivery seal', () => {
  const key = randomBytes(32);
  const link = 'http://localhost:3000/verify-email?token=abc_DEF-123';

  it('seals a link into the sealedLink format that only the same key and key id open', () => {
    const sealed = new DeliverySeal(key, 'delivery-1').seal(link);
    expect(sealedLink.safeParse(sealed).success).toBe(true);
    expect(sealed).not.toContain('abc_DEF-123');
    expect(new DeliverySeal(key, 'delivery-1').open(sealed)).toBe(link);
    expect(() => new DeliverySeal(randomBytes(32), 'delivery-1').open(sealed)).toThrow(SealBrokenError);
    expect(() => new DeliverySeal(key, 'delivery-2').open(sealed)).toThrow(SealBrokenError);
  });

  it('refuses an altered seal', () => {
    const seal = new DeliverySeal(key, 'delivery-1');
    const [iv, body, tag] = seal.seal(link).split('.');
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] ^= 1;
    expect(() => seal.open([iv, flipped.toString('base64url'), tag].join('.'))).toThrow(SealBrokenError);
    expect(() => seal.open('not-a-seal')).toThrow(SealBrokenError);
  });
});
