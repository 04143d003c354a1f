import { allows, applyPreferencesChange, DEFAULT_PREFERENCES, withDefaults } from './preferences';

describe('notification preferences', () => {
  it('sends security messages on every channel whatever the settings', () => {
    const off = applyPreferencesChange(DEFAULT_PREFERENCES, { email: { transactional: false, marketing: false }, in_app: { transactional: false, marketing: false } });
    expect(allows(off, 'email', 'security')).toBe(true);
    expect(allows(off, 'email', 'transactional')).toBe(false);
    expect(allows(off, 'in_app', 'marketing')).toBe(false);
  });

  it('changes only what the change names', () => {
    const changed = applyPreferencesChange(DEFAULT_PREFERENCES, { sms: { transactional: true } });
    expect(changed).toEqual({ ...DEFAULT_PREFERENCES, sms: { transactional: true, marketing: false } });
    expect(DEFAULT_PREFERENCES.sms.transactional).toBe(false);
  });

  it('fills settings a stored record lacks with their defaults', () => {
    expect(withDefaults({ email: { marketing: true } })).toEqual({ ...DEFAULT_PREFERENCES, email: { transactional: true, marketing: true } });
    expect(withDefaults(undefined)).toEqual(DEFAULT_PREFERENCES);
  });
});
