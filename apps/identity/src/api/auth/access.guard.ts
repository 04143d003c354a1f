import type { Role } from '@marketplace/contracts';
import { ForbiddenError, UnauthenticatedError } from '@marketplace/platform';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AccessTokenVerifier, type Caller } from '../../infrastructure/access-token-verifier';
import { REQUIRED_ROLES } from './roles.decorator';

export type AuthenticatedRequest = FastifyRequest & { caller?: Caller };

/** Routes under it need `Authorization: Bearer <access token>`, and the roles of @Roles() when given. Identity headers from outside are never read. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(request.headers.authorization ?? '');
    if (!match) throw new UnauthenticatedError('An access token is required (Authorization: Bearer <token>).');
    const caller = await this.verifier.verify(match[1]);
    request.caller = caller;
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, [context.getHandler(), context.getClass()]);
    if (required && !required.some((role) => caller.roles.includes(role))) {
      throw new ForbiddenError(`This needs the role ${required.join(' or ')}.`);
    }
    return true;
  }
}
