import { role } from '@marketplace/contracts';
import { z } from 'zod';
import type { AuthenticatedUser } from './authenticated-user';

/** The claims identity puts in an access token beyond the registered ones that jose checks. */
const accessTokenClaims = z.object({
  sub: z.string().min(1),
  email: z.string().min(1),
  roles: z.array(role),
});

/** The user named by a verified token's claims, or undefined when they are not what identity issues. */
export function userFromClaims(claims: unknown): AuthenticatedUser | undefined {
  const parsed = accessTokenClaims.safeParse(claims);
  if (!parsed.success) return undefined;
  return { id: parsed.data.sub, email: parsed.data.email, roles: parsed.data.roles };
}
