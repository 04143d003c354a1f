import { BadRequestException, ForbiddenException, HttpException, InternalServerErrorException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { ZodSerializationException, ZodValidationException } from 'nestjs-zod';
import { z } from 'zod';
import {
  BusinessRuleError,
  ConflictError,
  DependencyUnavailableError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  UnauthenticatedError,
  ValidationError,
} from './app-error';
import { DomainError } from '@marketplace/kernel';
import { toErrorResponse } from './to-error-response';

const context = { requestId: 'req-1', now: new Date('2026-01-02T03:04:05.000Z') };

describe('toErrorResponse', () => {
  it.each([
    [new ValidationError('bad'), 400, 'validation_failed'],
    [new UnauthenticatedError('who are you'), 401, 'unauthenticated'],
    [new ForbiddenError('not yours'), 403, 'forbidden'],
    [new NotFoundError('no such order'), 404, 'not_found'],
    [new ConflictError('already exists'), 409, 'conflict'],
    [new BusinessRuleError('order already shipped'), 422, 'business_rule_violated'],
    [new RateLimitedError('slow down', 30), 429, 'rate_limited'],
    [new DependencyUnavailableError('payments down'), 503, 'dependency_unavailable'],
  ])('maps %s to %i %s with its message', (error, status, code) => {
    const response = toErrorResponse(error, context);
    expect(response.status).toBe(status);
    expect(response.unexpected).toBe(false);
    expect(response.body).toEqual({
      error: { code, message: error.message, details: [], request_id: 'req-1', timestamp: '2026-01-02T03:04:05.000Z' },
    });
  });

  it.each([
    ['invalid', 400],
    ['forbidden', 403],
    ['not_found', 404],
    ['conflict', 409],
    ['rule', 422],
  ] as const)('answers a domain error of kind %s with %i, its code, message and details', (kind, status) => {
    class Refused extends DomainError {
      readonly kind = kind;
      readonly code = 'order_not_cancellable';
    }
    const response = toErrorResponse(new Refused('The order has shipped.', [{ field: 'orderId', message: 'shipped' }]), context);
    expect(response).toMatchObject({ status, unexpected: false });
    expect(response.body.error).toMatchObject({ code: 'order_not_cancellable', message: 'The order has shipped.', details: [{ field: 'orderId', message: 'shipped' }] });
  });

  it('keeps a specific code and the details of an AppError', () => {
    const error = new ConflictError('email taken', { code: 'email_taken', details: [{ field: 'email', message: 'already registered' }] });
    const { body } = toErrorResponse(error, context);
    expect(body.error.code).toBe('email_taken');
    expect(body.error.details).toEqual([{ field: 'email', message: 'already registered' }]);
  });

  it('sends Retry-After with a rate-limit error, rounded up to whole seconds', () => {
    expect(toErrorResponse(new RateLimitedError('slow down', 1.2), context).headers).toEqual({ 'retry-after': '2' });
  });

  it('maps a ZodError to 400 with one detail per issue, naming the field path', () => {
    const schema = z.object({ name: z.string().min(1), lines: z.array(z.object({ quantity: z.number().int().positive() })) });
    const result = schema.safeParse({ name: '', lines: [{ quantity: 0 }] });
    if (result.success) throw new Error('expected the input to be invalid');
    const response = toErrorResponse(result.error, context);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
    expect(response.body.error.details.map((d) => d.field)).toEqual(['name', 'lines.0.quantity']);
  });

  it("maps nestjs-zod's ZodValidationException (a DTO failed the pipe) to 400 with the fields", () => {
    const result = z.strictObject({ email: z.email(), age: z.number() }).safeParse({ email: 'nope', age: 'x' });
    if (result.success) throw new Error('expected the input to be invalid');
    const response = toErrorResponse(new ZodValidationException(result.error), context);
    expect(response).toMatchObject({ status: 400, unexpected: false, body: { error: { code: 'validation_failed', message: 'The request is invalid.' } } });
    expect(response.body.error.details).toEqual([
      { field: 'email', message: expect.any(String) },
      { field: 'age', message: expect.any(String) },
    ]);
  });

  it('names each unknown field of a strict schema, with its path', () => {
    const schema = z.strictObject({ name: z.string(), address: z.strictObject({ city: z.string() }) });
    const result = schema.safeParse({ name: 'a', role: 'admin', address: { city: 'b', zip: '1', x: 2 } });
    if (result.success) throw new Error('expected the input to be invalid');
    const response = toErrorResponse(new ZodValidationException(result.error), context);
    expect(response.body.error.details.map((d) => d.field).sort()).toEqual(['address.x', 'address.zip', 'role']);
    expect(response.body.error.details.every((d) => d.message === 'Unknown field.')).toBe(true);
  });

  it("answers nestjs-zod's ZodSerializationException (a response failed its schema) as an unexpected 500", () => {
    const result = z.object({ id: z.string() }).safeParse({ id: 1 });
    if (result.success) throw new Error('expected the output to be invalid');
    const response = toErrorResponse(new ZodSerializationException(result.error), context);
    expect(response).toMatchObject({ status: 500, unexpected: true, body: { error: { code: 'internal_error', details: [] } } });
  });

  it('maps Nest HttpExceptions by status, keeping their message', () => {
    expect(toErrorResponse(new NotFoundException('Cannot GET /nope'), context)).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found', message: 'Cannot GET /nope' } },
    });
    expect(toErrorResponse(new ForbiddenException(), context).body.error.code).toBe('forbidden');
    expect(toErrorResponse(new PayloadTooLargeException('Request body is too large'), context)).toMatchObject({
      status: 413,
      body: { error: { code: 'payload_too_large' } },
    });
    expect(toErrorResponse(new HttpException('Unsupported Media Type', 415), context).body.error.code).toBe('unsupported_media_type');
  });

  it('turns a list of messages in a BadRequestException into details', () => {
    const response = toErrorResponse(new BadRequestException(['name must be a string', 'age must be positive']), context);
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([
      { field: '', message: 'name must be a string' },
      { field: '', message: 'age must be positive' },
    ]);
  });

  it("maps Fastify's own client errors (statusCode on the error) by their status", () => {
    const error = Object.assign(new Error('Unsupported Media Type: text/plain'), { statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' });
    expect(toErrorResponse(error, context)).toMatchObject({ status: 415, body: { error: { code: 'unsupported_media_type' } } });
  });

  it('answers an unknown error with a generic 500 that reveals nothing', () => {
    const response = toErrorResponse(new Error('connection to 10.0.0.5 refused, password=hunter2'), context);
    expect(response.status).toBe(500);
    expect(response.unexpected).toBe(true);
    expect(response.body.error.code).toBe('internal_error');
    expect(JSON.stringify(response.body)).not.toContain('hunter2');
  });

  it('hides the message of a deliberate 500 HttpException and of thrown non-errors', () => {
    expect(toErrorResponse(new InternalServerErrorException('stack details'), context).body.error.message).not.toContain('stack details');
    expect(toErrorResponse('a string', context)).toMatchObject({ status: 500, unexpected: true });
    expect(toErrorResponse(Object.assign(new Error('server bug'), { statusCode: 500 }), context).status).toBe(500);
  });
});
