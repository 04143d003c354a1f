import type { AuthenticatedUser } from '@marketplace/auth';

/** Verifies an access token (identity's JWKS in production); rejects with UnauthenticatedError. */
export interface TokenVerifier {
  verify(token: string): Promise<AuthenticatedUser>;
}

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
