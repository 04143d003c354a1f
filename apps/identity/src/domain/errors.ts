import { BusinessRuleError, ConflictError, DependencyUnavailableError, ForbiddenError, NotFoundError, RateLimitedError, UnauthenticatedError, ValidationError } from '@marketplace/platform';

/** The password breaks the policy; `reasons` says which rules, without echoing the password. */
export class WeakPasswordError extends ValidationError {
  constructor(reasons: string[]) {
    super('The password does not meet the policy.', { code: 'weak_password', details: reasons.map((message) => ({ field: 'password', message })) });
  }
}

export class EmailTakenError extends ConflictError {
  constructor() {
    super('An account with this email already exists.', { code: 'email_taken' });
  }
}

/** One message for unknown email, wrong password and deactivated account: a login reveals nothing. */
export class InvalidCredentialsError extends UnauthenticatedError {
  constructor() {
    super('The email or password is wrong.', { code: 'invalid_credentials' });
  }
}

export class InvalidRefreshTokenError extends UnauthenticatedError {
  constructor() {
    super('The refresh token is invalid, expired or revoked.', { code: 'invalid_refresh_token' });
  }
}

export class InvalidOneTimeTokenError extends ValidationError {
  constructor(field: string) {
    super('The link is invalid, expired or already used.', { code: 'invalid_token', details: [{ field, message: 'invalid, expired or already used' }] });
  }
}

export class TooManyLoginAttemptsError extends RateLimitedError {
  constructor(retryAfterSeconds: number) {
    super('Too many failed logins; try again later.', retryAfterSeconds, { code: 'too_many_login_attempts' });
  }
}

export class UserNotFoundError extends NotFoundError {
  constructor() {
    super('The user does not exist.', { code: 'user_not_found' });
  }
}

export class SellerApplicationNotFoundError extends NotFoundError {
  constructor() {
    super('The seller application does not exist.', { code: 'seller_application_not_found' });
  }
}

export class SellerApplicationAlreadyDecidedError extends ConflictError {
  constructor(status: string) {
    super(`The seller application is already ${status}.`, { code: 'seller_application_already_decided' });
  }
}

export class SellerApplicationOpenError extends ConflictError {
  constructor() {
    super('You already have an open seller application.', { code: 'seller_application_open' });
  }
}

export class AlreadySellerError extends BusinessRuleError {
  constructor() {
    super('You are already a seller.', { code: 'already_seller' });
  }
}

/** A wrong second-factor code, or one outside the accepted window (the two are not told apart). */
export class InvalidMfaCodeError extends UnauthenticatedError {
  constructor() {
    super('The code is wrong or expired.', { code: 'invalid_mfa_code' });
  }
}

export class MfaCodeReplayedError extends UnauthenticatedError {
  constructor() {
    super('This code was already used; wait for the next one.', { code: 'mfa_code_already_used' });
  }
}

/** Unknown, used or expired: the password step has to be done again. */
export class InvalidMfaChallengeError extends UnauthenticatedError {
  constructor() {
    super('The login challenge is invalid, expired or already used; log in again.', { code: 'invalid_mfa_challenge' });
  }
}

export class MfaAlreadyEnabledError extends ConflictError {
  constructor() {
    super('Two-factor authentication is already enabled.', { code: 'mfa_already_enabled' });
  }
}

export class MfaNotEnabledError extends ConflictError {
  constructor(message: string) {
    super(message, { code: 'mfa_not_enabled' });
  }
}

/** An admin under ADMIN_MFA_REQUIRED may not turn the second factor off. */
export class MfaRequiredError extends ForbiddenError {
  constructor() {
    super('Two-factor authentication is required for this account and cannot be disabled.', { code: 'mfa_required' });
  }
}

/** An admin under ADMIN_MFA_REQUIRED without TOTP: no session until they enrol. */
export class MfaEnrolmentRequiredError extends ForbiddenError {
  constructor() {
    super('Two-factor authentication is required for this account: enrol through auth/mfa/enrolment with your email and password, then log in with a code.', {
      code: 'mfa_enrolment_required',
    });
  }
}

export class OidcProviderNotFoundError extends NotFoundError {
  constructor() {
    super('No such sign-in provider.', { code: 'oidc_provider_not_found' });
  }
}

export class RedirectUriNotAllowedError extends ValidationError {
  constructor() {
    super('The redirect URI is not allowed.', { code: 'redirect_uri_not_allowed', details: [{ field: 'redirectUri', message: 'not in the allowed list' }] });
  }
}

/** Unknown, expired, used or foreign state: the sign-in must start again. */
export class InvalidOidcStateError extends UnauthenticatedError {
  constructor() {
    super('The sign-in is invalid, expired or already finished; start again.', { code: 'invalid_oidc_state' });
  }
}

/** The provider refused the code, or its ID token failed a check (signature, issuer, audience, nonce, expiry). */
export class OidcSignInFailedError extends UnauthenticatedError {
  constructor() {
    super('The provider did not confirm the sign-in; start again.', { code: 'oidc_sign_in_failed' });
  }
}

/** An account has this email, but the provider does not vouch for it: linking would hand the account over. */
export class OidcEmailNotVerifiedError extends ConflictError {
  constructor() {
    super('An account with this email exists and the provider has not verified the email: sign in with your password, or verify the email with the provider first.', {
      code: 'oidc_email_not_verified',
    });
  }
}

export class LastSignInMethodError extends ConflictError {
  constructor() {
    super('This is your only way to sign in: set a password (password reset) or link another provider first.', { code: 'last_sign_in_method' });
  }
}

export class IdentityNotLinkedError extends NotFoundError {
  constructor() {
    super('No identity of this provider is linked to your account.', { code: 'identity_not_linked' });
  }
}

export class OidcEmailMissingError extends BusinessRuleError {
  constructor() {
    super('The provider did not share an email address, which a new account needs.', { code: 'oidc_email_missing' });
  }
}

/** Discovery or the provider's token endpoint did not answer. */
export class OidcProviderUnavailableError extends DependencyUnavailableError {
  constructor() {
    super('The sign-in provider is not reachable; try again later.', { code: 'oidc_provider_unavailable' });
  }
}

/** A stored TOTP secret that none of the configured keys opens: MFA_ENCRYPTION_KEY changed without MFA_PREVIOUS_ENCRYPTION_KEYS. */
export class MfaSecretUnreadableError extends DependencyUnavailableError {
  constructor() {
    super('Two-factor codes cannot be checked right now; try again later or use a recovery code.', { code: 'mfa_unavailable' });
  }
}
