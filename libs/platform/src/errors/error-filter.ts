import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { toErrorResponse } from './to-error-response';

/** Answers every error thrown while serving a request in the standard error format. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  constructor(
    private readonly logger: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const response = toErrorResponse(error, { requestId: String(request.id), now: this.clock() });
    if (response.unexpected) {
      this.logger.error({ err: error, method: request.method, url: request.url }, 'unexpected error while serving a request');
    }
    void reply.status(response.status).headers(response.headers).type('application/json; charset=utf-8').send(response.body);
  }
}
