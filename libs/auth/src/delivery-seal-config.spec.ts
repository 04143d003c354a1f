import { z } from 'zod';
import { deliverySealConfigShape, newDeliverySealKey } from './delivery-seal-config';

const schema = z.object(deliverySealConfigShape);
const problems = (env: Record<string, string>) => schema.safeParse(env).error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);

describe('delivery seal configuration', () => {
  it('reads a generated key as its 32 bytes, with the default key id', () => {
    const key = newDeliverySealKey();
    expect(schema.parse({ DELIVERY_SEAL_KEY: key })).toEqual({ DELIVERY_SEAL_KEY: Buffer.from(key, 'base64'), DELIVERY_SEAL_KEY_ID: 'delivery-1' });
    expect(Buffer.from(key, 'base64')).toHaveLength(32);
  });

  it('leaves an unset or empty key unset', () => {
    expect(schema.parse({ DELIVERY_SEAL_KEY: '' }).DELIVERY_SEAL_KEY).toBeUndefined();
    expect(schema.parse({}).DELIVERY_SEAL_KEY).toBeUndefined();
  });

  it('refuses a key of another length, or not in base64', () => {
    expect(problems({ DELIVERY_SEAL_KEY: Buffer.alloc(16).toString('base64') })).toEqual(['DELIVERY_SEAL_KEY: must be 32 bytes in base64']);
    expect(problems({ DELIVERY_SEAL_KEY: `${'!'.repeat(43)}=` })).toEqual(['DELIVERY_SEAL_KEY: must be base64']);
  });

  it('takes a key id the events can carry, and no other', () => {
    expect(schema.parse({ DELIVERY_SEAL_KEY_ID: 'delivery-2026_03' }).DELIVERY_SEAL_KEY_ID).toBe('delivery-2026_03');
    expect(problems({ DELIVERY_SEAL_KEY_ID: 'with space' })).toHaveLength(1);
    expect(problems({ DELIVERY_SEAL_KEY_ID: 'x'.repeat(65) })).toHaveLength(1);
  });
});
