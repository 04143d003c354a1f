import { eventExamples } from './examples';
import { canonicalLocale } from './events/identity';
import { eventTypes, parseCloudEvent } from './registry';

const envelope = { id: 'e-1', source: 'marketplace/identity', specversion: '1.0', time: '2026-03-01T12:00:00.000Z', datacontenttype: 'application/json' };

describe('identity events', () => {
  it('read a v1 UserRegistered as v3: locale en, no phone, signed up with a password', () => {
    const v1 = eventExamples['marketplace.identity.UserRegistered.v1'];
    const parsed = parseCloudEvent({ ...envelope, subject: v1.userId, type: 'marketplace.identity.UserRegistered.v1', data: v1 });
    expect(parsed).toMatchObject({ type: 'marketplace.identity.UserRegistered.v3', data: { ...v1, locale: 'en', phone: null, signUpMethod: 'password', identityProvider: null } });
  });

  it('read a v2 UserRegistered as v3 signed up with a password, keeping its locale and phone', () => {
    const v2 = eventExamples['marketplace.identity.UserRegistered.v2'];
    const parsed = parseCloudEvent({ ...envelope, subject: v2.userId, type: 'marketplace.identity.UserRegistered.v2', data: v2 });
    expect(parsed).toEqual(expect.objectContaining({ type: 'marketplace.identity.UserRegistered.v3', data: { ...v2, signUpMethod: 'password', identityProvider: null } }));
  });

  describe.each(['marketplace.identity.UserRegistered.v2', 'marketplace.identity.UserRegistered.v3', 'marketplace.identity.UserProfileChanged.v1'] as const)('%s', (type) => {
    const { schema } = eventTypes[type];
    const example = eventExamples[type];
    const accepts = (change: Record<string, unknown>) => schema.safeParse({ ...example, ...change }).success;

    it('takes an E.164 phone number or null, nothing else', () => {
      expect([accepts({ phone: '+254712345678' }), accepts({ phone: null })]).toEqual([true, true]);
      for (const phone of ['0712345678', '+0712345678', '+44 7700 900123', '+123456', '+1234567890123456', '']) {
        expect({ phone, accepted: accepts({ phone }) }).toEqual({ phone, accepted: false });
      }
    });

    it('takes a BCP 47 locale only in canonical form', () => {
      expect(['en', 'pt-BR', 'zh-Hant-TW', 'de-DE-u-co-phonebk'].map((locale) => accepts({ locale }))).toEqual([true, true, true, true]);
      for (const locale of ['EN-gb', 'en_US', 'e', 'en-', '', 'x-private']) {
        expect({ locale, accepted: accepts({ locale }) }).toEqual({ locale, accepted: false });
      }
    });
  });

  it('canonicalises a well-formed locale and rejects a malformed one', () => {
    expect(['EN-gb', 'zh-hant-tw', 'art-lojban'].map(canonicalLocale)).toEqual(['en-GB', 'zh-Hant-TW', 'jbo']);
    expect(['en_US', 'i-klingon', '', 'toolonglanguage'].map(canonicalLocale)).toEqual([undefined, undefined, undefined, undefined]);
  });
});
