import { type AppError, DependencyUnavailableError, UnauthenticatedError } from '@marketplace/platform';
import { errors } from 'jose';

/** Raised by the key resolver when identity's key set cannot be fetched or read. */
export class KeySetUnavailable extends Error {
  constructor(cause: unknown) {
    super('The key set could not be fetched', { cause });
  }
}

const unauthenticated = (message: string, cause: unknown) => new UnauthenticatedError(message, { cause });

/**
 * Turns whatever verifying a token raised into the error the caller sees: 503 when the key set is
 * unreachable, a 401 saying what was wrong with the token otherwise. The messages never echo the
 * token or its contents back.
 */
export function verificationFailure(error: unknown): AppError {
  if (error instanceof KeySetUnavailable) {
    return new DependencyUnavailableError('The identity key set is unreachable; the access token cannot be verified now.', { cause: error.cause });
  }
  if (error instanceof errors.JWTExpired) return unauthenticated('The access token has expired.', error);
  if (error instanceof errors.JWTClaimValidationFailed) return unauthenticated(claimFailureMessage(error), error);
  if (error instanceof errors.JWSSignatureVerificationFailed) return unauthenticated('The access token signature is invalid.', error);
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return unauthenticated('The access token algorithm is not accepted (only EdDSA is).', error);
  }
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return unauthenticated('The access token was signed with an unknown key.', error);
  }
  return unauthenticated('The access token is malformed.', error);
}

function claimFailureMessage(error: InstanceType<typeof errors.JWTClaimValidationFailed>): string {
  switch (error.claim) {
    case 'iss':
      return 'The access token was issued by an unexpected issuer.';
    case 'aud':
      return 'The access token is meant for another audience.';
    case 'nbf':
      return 'The access token is not valid yet.';
    case 'iat':
      return 'The access token was issued in the future.';
    default:
      return 'The access token lacks a required claim.';
  }
}
