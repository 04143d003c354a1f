import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { UnauthenticatedError } from '@marketplace/platform';
import type { Caller } from '../../infrastructure/access-token-verifier';
import type { AuthenticatedRequest } from './access.guard';

/** The caller AccessGuard verified. */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const caller = context.switchToHttp().getRequest<AuthenticatedRequest>().caller;
  if (!caller) throw new UnauthenticatedError('An access token is required.');
  return caller;
});
