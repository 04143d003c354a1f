import type { AuthenticatedUser } from '@marketplace/auth';
import type { Viewer } from '../domain/access';

/** The caller as the access rules see them: admins may read every conversation. */
export const viewerOf = (user: AuthenticatedUser): Viewer => ({ id: user.id, isAdmin: user.roles.includes('admin') });
