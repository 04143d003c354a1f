import { registerUser } from './user';
import { changeProfile, type ProfileChanges } from './user-profile';

const now = new Date('2026-03-01T12:00:00.000Z');
const ada = registerUser({ id: 'u1', email: 'ada@example.com', name: 'Ada', phone: '+447700900123', locale: 'en-GB', passwordHash: '$argon2id$...', now });

function given(user = ada) {
  return {
    when: (changes: ProfileChanges) => ({
      then: (expected: { changed: boolean; profile: Pick<typeof user, 'name' | 'phone' | 'locale'> }) => {
        const result = changeProfile(user, changes);
        expect({ changed: result.changed, profile: { name: result.user.name, phone: result.user.phone, locale: result.user.locale } }).toEqual(expected);
        expect(result.user).toEqual({ ...user, ...expected.profile });
      },
    }),
  };
}

describe('user profile', () => {
  it('given a user, when they change their name, then only the name changes', () =>
    given().when({ name: 'Ada Lovelace' }).then({ changed: true, profile: { name: 'Ada Lovelace', phone: '+447700900123', locale: 'en-GB' } }));

  it('given a user with a phone, when they set it to null, then the phone is removed', () =>
    given().when({ phone: null }).then({ changed: true, profile: { name: 'Ada', phone: null, locale: 'en-GB' } }));

  it('given a user, when they change phone and locale at once, then both change', () =>
    given().when({ phone: '+254712345678', locale: 'sw-KE' }).then({ changed: true, profile: { name: 'Ada', phone: '+254712345678', locale: 'sw-KE' } }));

  it('given a user, when they send the values they already have, then nothing changed', () =>
    given().when({ name: 'Ada', phone: '+447700900123', locale: 'en-GB' }).then({ changed: false, profile: { name: 'Ada', phone: '+447700900123', locale: 'en-GB' } }));

  it('given a user, when they send nothing, then nothing changed', () =>
    given().when({}).then({ changed: false, profile: { name: 'Ada', phone: '+447700900123', locale: 'en-GB' } }));

  it('given a user without a phone, when they remove it again, then nothing changed', () =>
    given({ ...ada, phone: null }).when({ phone: null }).then({ changed: false, profile: { name: 'Ada', phone: null, locale: 'en-GB' } }));
});
