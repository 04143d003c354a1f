import type { Role } from '@marketplace/contracts';
import { SetMetadata } from '@nestjs/common';

export const REQUIRED_ROLES = 'identity:required-roles';

/** Only callers holding one of these roles pass (403 otherwise). */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);
