import { nameBasedId } from './ids';

describe('nameBasedId', () => {
  it('gives the RFC 9562 version 5 UUID (the DNS namespace example of the RFC test vectors)', () => {
    expect(nameBasedId('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('is stable for the same inputs and differs for another name or namespace', () => {
    const namespace = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';
    expect(nameBasedId(namespace, 'a')).toBe(nameBasedId(namespace, 'a'));
    expect(nameBasedId(namespace, 'a')).not.toBe(nameBasedId(namespace, 'b'));
    expect(nameBasedId('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'a')).not.toBe(nameBasedId(namespace, 'a'));
  });

  it('refuses a namespace that is not a UUID', () => {
    expect(() => nameBasedId('not-a-uuid', 'a')).toThrow(RangeError);
  });
});
