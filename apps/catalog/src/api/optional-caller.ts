import { type AuthenticatedUser, bearerTokenFrom, JwksTokenVerifier } from '@marketplace/auth';
import { Injectable } from '@nestjs/common';

/**
 * The caller of a public route, when it sends a token: public reads show more (own drafts) to their
 * owner. A token that is sent must be valid (401 otherwise); no token is an anonymous caller.
 */
@Injectable()
export class OptionalCaller {
  constructor(private readonly verifier: JwksTokenVerifier) {}

  async of(authorization: string | undefined): Promise<AuthenticatedUser | undefined> {
    if (authorization === undefined || authorization === '') return undefined;
    return this.verifier.verify(bearerTokenFrom(authorization));
  }
}
