import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@marketplace/contracts';
import { ForbiddenError, PUBLIC_ROUTE } from '@marketplace/platform';
import { bearerTokenFrom } from '../bearer-token';
import { JwksTokenVerifier } from '../jwks-token-verifier';
import { attachUser } from './request-user';
import { REQUIRED_ROLES } from './roles.decorator';

/**
 * Installed globally by AuthModule: every HTTP route needs a valid Bearer access token unless it is
 * marked @Public(); @Roles() then narrows who may call it. Message handlers (Kafka, the embedded
 * bus) are not HTTP and are not guarded: their input comes from the services' own topics.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: JwksTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    // Roles need a caller, so they win over @Public(): a public controller cannot leak an admin route.
    if (!required && this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>();
    const user = await this.verifier.verify(bearerTokenFrom(request.headers.authorization));
    attachUser(request, user);
    if (required && !required.some((role) => user.roles.includes(role))) {
      throw new ForbiddenError(`This action requires the role ${required.join(' or ')}.`);
    }
    return true;
  }
}
