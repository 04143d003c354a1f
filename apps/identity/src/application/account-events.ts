import type { CloudEvent, CloudEventFactory, SignUpMethod } from '@marketplace/contracts';
import type { User } from '../domain/user';

/** How an account came to be: the method, and the OpenID Connect provider for `oidc`. */
export type SignUp = { method: Exclude<SignUpMethod, 'oidc'> } | { method: 'oidc'; provider: string };

/**
 * The events announcing a new account, whether someone signed up or the admin was bootstrapped: who
 * it is, how it signed up, in which locale and at which phone, and its first role (buyer, granted by the system).
 */
export function accountOpenedEvents(events: CloudEventFactory, user: User, signUp: SignUp): CloudEvent[] {
  const at = user.createdAt;
  const how = { signUpMethod: signUp.method, identityProvider: signUp.method === 'oidc' ? signUp.provider : null };
  return [
    events.create(
      'marketplace.identity.UserRegistered.v3',
      user.id,
      { userId: user.id, email: user.email, displayName: user.name, locale: user.locale, phone: user.phone, ...how, registeredAt: at.toISOString() },
      { at },
    ),
    events.create('marketplace.identity.RoleGranted.v1', user.id, { userId: user.id, role: 'buyer', grantedBy: null, grantedAt: at.toISOString() }, { at }),
  ];
}

/** The whole profile after a change, so a reader needs no earlier event to know it. */
export function profileChangedEvent(events: CloudEventFactory, user: User, at: Date): CloudEvent {
  return events.create(
    'marketplace.identity.UserProfileChanged.v1',
    user.id,
    { userId: user.id, displayName: user.name, phone: user.phone, locale: user.locale, changedAt: at.toISOString() },
    { at },
  );
}

/** A second factor turned on or off; never the secret or a code. */
export function mfaChangedEvent(events: CloudEventFactory, userId: string, enabled: boolean, at: Date): CloudEvent {
  return enabled
    ? events.create('marketplace.identity.MfaEnabled.v1', userId, { userId, method: 'totp', enabledAt: at.toISOString() }, { at })
    : events.create('marketplace.identity.MfaDisabled.v1', userId, { userId, method: 'totp', disabledAt: at.toISOString() }, { at });
}
