import { DEMO_ADMIN, demoAccounts } from './demo-accounts';
import { slugify, stableHash } from './slug';

describe('demo accounts', () => {
  it('has an admin, two sellers and eight buyers with passwords identity accepts (12+ characters)', () => {
    const accounts = demoAccounts();
    expect(accounts.admin).toEqual(DEMO_ADMIN);
    expect(accounts.sellers.map((s) => s.email)).toEqual(['nordlicht@demo.example', 'atelier-sud@demo.example']);
    expect(accounts.buyers).toHaveLength(8);
    expect(accounts.buyers[0]).toEqual({ name: 'Ann Baker', email: 'ann@demo.example', password: 'demo-buyer-password' });
    for (const account of [accounts.admin, ...accounts.sellers, ...accounts.buyers]) expect(account.password.length).toBeGreaterThanOrEqual(12);
  });

  it("uses identity's bootstrap admin from the environment when one is set", () => {
    expect(demoAccounts({ ADMIN_EMAIL: 'ops@shop.test', ADMIN_PASSWORD: 'a-long-passphrase' }).admin).toMatchObject({ email: 'ops@shop.test', password: 'a-long-passphrase' });
  });

  it('makes slugs as catalog wants them and hashes stably', () => {
    expect(slugify('Home & Kitchen')).toBe('home-kitchen');
    expect(slugify(' Wi-Fi  Smart plug ')).toBe('wi-fi-smart-plug');
    expect(stableHash('a')).toBe(stableHash('a'));
    expect(stableHash('a')).not.toBe(stableHash('b'));
  });
});
