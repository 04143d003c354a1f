import type { AuthenticatedUser } from '../authenticated-user';

const USER = Symbol('authenticatedUser');

type UserCarrier = { [USER]?: AuthenticatedUser };

/** The guard keeps the verified caller on the request; handlers read it through @CurrentUser(). */
export function attachUser(request: object, user: AuthenticatedUser): void {
  (request as UserCarrier)[USER] = user;
}

export function userOf(request: object): AuthenticatedUser | undefined {
  return (request as UserCarrier)[USER];
}
