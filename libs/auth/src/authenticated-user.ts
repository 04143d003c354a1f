import type { Role } from '@marketplace/contracts';

/** The caller behind a verified access token. */
export interface AuthenticatedUser {
  /** The token's `sub`: the user id. */
  id: string;
  email: string;
  roles: Role[];
}
