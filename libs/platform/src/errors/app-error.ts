/** One problem with one input field, as listed in the standard error body's `details`. */
export interface ErrorDetail {
  field: string;
  message: string;
}

export interface AppErrorOptions {
  /** Overrides the class's default code with a more specific one, e.g. `order_already_paid`. */
  code?: string;
  details?: ErrorDetail[];
  cause?: unknown;
}

/**
 * An expected failure with a known HTTP status. Its message is shown to the client, so it must never
 * carry secrets or internals; anything that is not an AppError is answered as a generic 500.
 */
export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly defaultCode: string;
  readonly details: ErrorDetail[];
  private readonly customCode?: string;

  constructor(message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.details = options.details ?? [];
    this.customCode = options.code;
  }

  get code(): string {
    return this.customCode ?? this.defaultCode;
  }

  /** Extra response headers (Retry-After for 429). */
  headers(): Record<string, string> {
    return {};
  }
}

export class ValidationError extends AppError {
  readonly status = 400;
  readonly defaultCode = 'validation_failed';
}

export class UnauthenticatedError extends AppError {
  readonly status = 401;
  readonly defaultCode = 'unauthenticated';
}

export class ForbiddenError extends AppError {
  readonly status = 403;
  readonly defaultCode = 'forbidden';
}

export class NotFoundError extends AppError {
  readonly status = 404;
  readonly defaultCode = 'not_found';
}

export class ConflictError extends AppError {
  readonly status = 409;
  readonly defaultCode = 'conflict';
}

export class BusinessRuleError extends AppError {
  readonly status = 422;
  readonly defaultCode = 'business_rule_violated';
}

export class RateLimitedError extends AppError {
  readonly status = 429;
  readonly defaultCode = 'rate_limited';

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    options: AppErrorOptions = {},
  ) {
    super(message, options);
  }

  override headers(): Record<string, string> {
    return { 'retry-after': String(Math.max(0, Math.ceil(this.retryAfterSeconds))) };
  }
}

export class DependencyUnavailableError extends AppError {
  readonly status = 503;
  readonly defaultCode = 'dependency_unavailable';
}
