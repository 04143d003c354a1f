import { UnauthenticatedError } from '@marketplace/platform';

const BEARER = /^Bearer ([A-Za-z0-9\-_.~+/]+=*)$/;

/** The token of an `Authorization: Bearer <token>` header; anything else is a 401. */
export function bearerTokenFrom(authorization: string | string[] | undefined): string {
  if (authorization === undefined || authorization === '') {
    throw new UnauthenticatedError('An access token is required: send it as "Authorization: Bearer <token>".');
  }
  const match = typeof authorization === 'string' ? BEARER.exec(authorization) : null;
  if (!match?.[1]) {
    throw new UnauthenticatedError('The Authorization header must be "Bearer <token>".');
  }
  return match[1];
}
