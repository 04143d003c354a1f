import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { UnauthenticatedError } from '@marketplace/platform';
import { userOf } from './request-user';

/**
 * The authenticated caller (AuthenticatedUser). On a @Public() route nobody was authenticated, so
 * asking for the user there is a 401 rather than a silent undefined.
 */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const user = userOf(context.switchToHttp().getRequest<object>());
  if (!user) throw new UnauthenticatedError('An access token is required: send it as "Authorization: Bearer <token>".');
  return user;
});
