import { SetMetadata } from '@nestjs/common';
import type { Role } from '@marketplace/contracts';

export const REQUIRED_ROLES = 'marketplace:required-roles';

/** Lets through only callers holding at least one of these roles (403 otherwise). */
export const Roles = (...roles: [Role, ...Role[]]): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLES, roles);
