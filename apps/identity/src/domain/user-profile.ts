import type { User } from './user';

/** What a user may change about themselves: an absent field stays as it is; a null phone removes it. */
export interface ProfileChanges {
  name?: string;
  phone?: string | null;
  locale?: string;
}

/**
 * Applies the changes. `changed` is false when every given field already had that value, so that
 * saving an unchanged form stores and announces nothing.
 */
export function changeProfile(user: User, changes: ProfileChanges): { user: User; changed: boolean } {
  const next: User = {
    ...user,
    name: changes.name ?? user.name,
    phone: changes.phone === undefined ? user.phone : changes.phone,
    locale: changes.locale ?? user.locale,
  };
  const changed = next.name !== user.name || next.phone !== user.phone || next.locale !== user.locale;
  return changed ? { user: next, changed } : { user, changed };
}
