import { createHash } from 'node:crypto';
import { paynowAmount, paynowCents, paynowHash, paynowStatusOutcome, signedPaynowForm, verifiedPaynowMessage } from './paynow-messages';

const KEY = '3e9fed89-60e1-4ce5-ab6e-6b1eb2d4f977';
const fields: Array<[string, string]> = [
  ['reference', '0b6f1a3e-6a3c-4f7e-9d52-1f0f6a9b7c11'],
  ['paynowreference', '1234567'],
  ['amount', '12.50'],
  ['status', 'Paid'],
];

describe("PayNow's messages", () => {
  it('hashes the values in order with the integration key, SHA-512 upper-case hex', () => {
    const expected = createHash('sha512').update(`0b6f1a3e-6a3c-4f7e-9d52-1f0f6a9b7c11123456712.50Paid${KEY}`).digest('hex').toUpperCase();
    expect(paynowHash(fields, KEY)).toBe(expected);
    expect(paynowHash([...fields, ['hash', 'ignored']], KEY)).toBe(expected);
  });

  it('accepts a message with its hash and refuses a tampered, reordered or unsigned one', () => {
    const body = signedPaynowForm(fields, KEY);
    expect(verifiedPaynowMessage(body, KEY)?.get('status')).toBe('Paid');
    expect(verifiedPaynowMessage(body.replace('12.50', '12.51'), KEY)).toBeUndefined();
    expect(verifiedPaynowMessage(signedPaynowForm(fields, 'another-key'), KEY)).toBeUndefined();
    expect(verifiedPaynowMessage(new URLSearchParams(fields).toString(), KEY)).toBeUndefined();
  });

  it('writes and reads amounts exactly', () => {
    expect(paynowAmount({ amount: 1250, currency: 'USD' })).toBe('12.50');
    expect(paynowAmount({ amount: 7, currency: 'USD' })).toBe('0.07');
    expect([paynowCents('12.50'), paynowCents('12.5'), paynowCents('12'), paynowCents('12.505'), paynowCents('-1')]).toEqual([1250, 1250, 1200, undefined, undefined]);
  });

  it.each([
    ['Paid', { kind: 'captured', amount: { amount: 1250, currency: 'USD' } }],
    ['Awaiting Delivery', { kind: 'captured' }],
    ['Cancelled', { kind: 'declined', failureCode: 'cancelled_by_user' }],
    ['Failed', { kind: 'declined', failureCode: 'declined' }],
    ['Sent', { kind: 'requires_action', nextActionType: 'mobile_money_push' }],
  ])('reads status %s', (status, outcome) => {
    const message = new Map([...fields.filter(([name]) => name !== 'status'), ['status', status]]);
    expect(paynowStatusOutcome(message, 'USD')).toMatchObject({ providerPaymentId: '1234567', ...outcome });
  });
});
