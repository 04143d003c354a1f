import { type Category, type Channel, CHANNELS, type OptionalCategory } from './channels';

/** Per channel, whether each category the user may turn off is on. */
export type Preferences = Record<Channel, Record<OptionalCategory, boolean>>;

/** A change: any subset of channels and categories. */
export type PreferencesChange = Partial<Record<Channel, Partial<Record<OptionalCategory, boolean>>>>;

/** Marketing needs consent; SMS costs the user attention, so it is opt-in. */
export const DEFAULT_PREFERENCES: Preferences = {
  email: { transactional: true, marketing: false },
  sms: { transactional: false, marketing: false },
  in_app: { transactional: true, marketing: true },
};

export function applyPreferencesChange(current: Preferences, change: PreferencesChange): Preferences {
  return Object.fromEntries(CHANNELS.map((channel) => [channel, { ...current[channel], ...change[channel] }])) as Preferences;
}

/** Stored settings over the defaults: a setting added later takes its default for everyone. */
export function withDefaults(stored: PreferencesChange | undefined): Preferences {
  return applyPreferencesChange(DEFAULT_PREFERENCES, stored ?? {});
}

export function allows(preferences: Preferences, channel: Channel, category: Category): boolean {
  if (category === 'security') return true;
  return preferences[channel][category];
}
