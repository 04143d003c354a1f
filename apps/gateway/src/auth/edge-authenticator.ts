import { Inject, Injectable } from '@nestjs/common';
import { bearerTokenFrom, type AuthenticatedUser } from '@marketplace/auth';
import { isPublicRoute } from './public-routes';
import { TOKEN_VERIFIER, type TokenVerifier } from './token-verifier';

/** The token check at the edge: public routes pass, every other one needs a valid access token (401). */
@Injectable()
export class EdgeAuthenticator {
  constructor(@Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier) {}

  /** The caller of a protected route, or undefined for a public one. */
  async authenticate(method: string, path: string, authorization: string | string[] | undefined): Promise<AuthenticatedUser | undefined> {
    if (isPublicRoute(method, path)) return undefined;
    return this.verifier.verify(bearerTokenFrom(authorization));
  }
}
