import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Largest statement upload: a month of a busy paybill; the service's general body limit is far smaller. */
export const MAX_STATEMENT_BYTES = 5 * 1024 * 1024;

/**
 * Teaches the HTTP server `text/csv` bodies, read as UTF-8 text up to MAX_STATEMENT_BYTES (Fastify
 * answers 413 beyond, before the handler). Registered while the application initialises, before the
 * server is ready to take parsers no more.
 */
@Injectable()
export class CsvBodyParser implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const server = (this.adapterHost.httpAdapter as unknown as ReturnType<NestFastifyApplication['getHttpAdapter']>).getInstance();
    if (server.hasContentTypeParser('text/csv')) return;
    server.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: MAX_STATEMENT_BYTES }, (_request, body, done) => done(null, body));
  }
}
