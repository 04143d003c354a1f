import { DomainError, type DomainErrorKind } from '@marketplace/kernel';
import { HttpException } from '@nestjs/common';
import { ZodValidationException } from 'nestjs-zod';
import { ZodError } from 'zod';
import { AppError, type ErrorDetail } from './app-error';
import type { ErrorResponse } from './error-body';

export interface ErrorContext {
  requestId: string;
  now: Date;
}

const INTERNAL_MESSAGE = 'An unexpected error occurred.';

/** The edge's choice of status for each kind of domain refusal. */
const STATUS_BY_KIND: Record<DomainErrorKind, number> = { invalid: 400, forbidden: 403, not_found: 404, conflict: 409, rule: 422 };

/** Codes for errors that carry only an HTTP status (Nest HttpExceptions, Fastify's own errors). */
const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  408: 'request_timeout',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'business_rule_violated',
  431: 'request_header_fields_too_large',
  429: 'rate_limited',
  503: 'dependency_unavailable',
};

/**
 * Maps anything thrown while serving a request to the standard error response. Pure: the request id
 * and the time come from the caller. Unknown errors become a 500 whose message reveals nothing.
 */
export function toErrorResponse(error: unknown, context: ErrorContext): ErrorResponse {
  if (error instanceof AppError) {
    return respond(context, error.status, error.code, error.message, error.details, error.headers());
  }
  if (error instanceof DomainError) {
    return respond(context, STATUS_BY_KIND[error.kind], error.code, error.message, error.details);
  }
  if (error instanceof ZodError) {
    return invalidRequest(context, error);
  }
  if (error instanceof ZodValidationException) {
    return invalidRequest(context, error.getZodError());
  }
  if (error instanceof HttpException) {
    return fromHttpException(error, context);
  }
  const status = clientErrorStatus(error);
  if (status !== undefined) {
    return respond(context, status, codeFor(status), (error as Error).message);
  }
  return { ...respond(context, 500, 'internal_error', INTERNAL_MESSAGE), unexpected: true };
}

function fromHttpException(error: HttpException, context: ErrorContext): ErrorResponse {
  const status = error.getStatus();
  if (status >= 500 && status !== 503) {
    return { ...respond(context, status, 'internal_error', INTERNAL_MESSAGE), unexpected: true };
  }
  const { message, details } = httpExceptionMessage(error);
  return respond(context, status, codeFor(status), message, details);
}

/** Nest's HttpException response is a string or `{ message: string | string[] }`. */
function httpExceptionMessage(error: HttpException): { message: string; details: ErrorDetail[] } {
  const response = error.getResponse();
  if (typeof response === 'object' && response !== null && 'message' in response) {
    const message = (response as { message: unknown }).message;
    if (Array.isArray(message)) {
      return { message: 'The request is invalid.', details: message.map((m) => ({ field: '', message: String(m) })) };
    }
    if (typeof message === 'string') return { message, details: [] };
  }
  return { message: error.message, details: [] };
}

/** A request that failed its zod schema (a DTO through nestjs-zod's pipe, or a handler's own parse). */
function invalidRequest(context: ErrorContext, error: unknown): ErrorResponse {
  return respond(context, 400, 'validation_failed', 'The request is invalid.', error instanceof ZodError ? zodDetails(error) : []);
}

/** One detail per problem; an unknown field of a strict object is named itself, not its parent. */
function zodDetails(error: ZodError): ErrorDetail[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: [...path, key].join('.'), message: 'Unknown field.' }));
    }
    return [{ field: path.join('.'), message: issue.message }];
  });
}

/**
 * Fastify's own errors (body parsing, content type, size) carry a 4xx `statusCode`; Nest usually
 * wraps them in an HttpException, but hooks outside Nest's router can still throw them raw.
 */
function clientErrorStatus(error: unknown): number | undefined {
  if (!(error instanceof Error)) return undefined;
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

function codeFor(status: number): string {
  return CODE_BY_STATUS[status] ?? (status < 500 ? 'bad_request' : 'internal_error');
}

function respond(
  context: ErrorContext,
  status: number,
  code: string,
  message: string,
  details: ErrorDetail[] = [],
  headers: Record<string, string> = {},
): ErrorResponse {
  return {
    status,
    headers,
    unexpected: false,
    body: { error: { code, message, details, request_id: context.requestId, timestamp: context.now.toISOString() } },
  };
}
