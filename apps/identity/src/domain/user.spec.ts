import { grantRole, registerUser, verifyEmail } from './user';

const now = new Date('2026-03-01T12:00:00.000Z');
const registered = registerUser({ id: 'u1', email: 'ada@example.com', name: 'Ada', phone: null, locale: 'en', passwordHash: '$argon2id$...', now });

describe('user', () => {
  it('starts as an unverified buyer, with the locale and phone it signed up with', () => {
    expect(registered).toMatchObject({ phone: null, locale: 'en', roles: ['buyer'], emailVerifiedAt: null, deactivatedAt: null, createdAt: now });
  });

  it('gains a role once; granting it again changes nothing', () => {
    const { user: seller, granted } = grantRole(registered, 'seller');
    expect([seller.roles, granted]).toEqual([['buyer', 'seller'], true]);
    expect(grantRole(seller, 'seller')).toEqual({ user: seller, granted: false });
  });

  it('is verified once; the first time counts', () => {
    const { user, verified } = verifyEmail(registered, now);
    expect([user.emailVerifiedAt, verified]).toEqual([now, true]);
    expect(verifyEmail(user, new Date(0))).toEqual({ user, verified: false });
  });
});
