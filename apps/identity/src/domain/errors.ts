import { BusinessRuleError, ConflictError, NotFoundError, RateLimitedError, UnauthenticatedError, ValidationError } from '@marketplace/platform';

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
